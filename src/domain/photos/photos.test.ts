import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { assertRoleChecks, buildWorld, GROTE_MARKT, type World } from '../../../test/support/fieldwork-world.ts';
import { roles, type Role } from '../people/index.ts';
import { reencodePhoto } from './reencode-photo.ts';
import { PHOTO_CSP } from './routes.ts';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/photos');
const jpeg = readFileSync(join(fixtures, 'logo-16x16.jpg'));
const png = readFileSync(join(fixtures, 'marker-25x41.png'));

/** A camera-style APP1 EXIF segment carrying a GPS marker string we can look for afterwards. */
function exifSegment(): Buffer {
  const payload = Buffer.concat([
    Buffer.from('Exif\0\0', 'latin1'),
    Buffer.from('MM\0*GPSLatitude=52.3812;GPSLongitude=4.6365;Serial=CAM-12345', 'latin1'),
  ]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}
function segment(marker: number, text: string): Buffer {
  const payload = Buffer.from(text, 'latin1');
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}
/** The fixture JPEG with EXIF, XMP and a comment after its JFIF header, and junk after the end. */
function jpegWithMetadata(): Buffer {
  const jfifEnd = 2 + 2 + jpeg.readUInt16BE(4);
  return Buffer.concat([
    jpeg.subarray(0, jfifEnd),
    exifSegment(),
    segment(0xe1, 'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>GPSAltitude</x:xmpmeta>'),
    segment(0xfe, 'Taken by J. Jansen'),
    jpeg.subarray(jfifEnd),
    Buffer.from('trailing GPS data'),
  ]);
}
function pngChunk(type: string, data: string): Buffer {
  const body = Buffer.from(data, 'latin1');
  const chunk = Buffer.alloc(12 + body.length);
  chunk.writeUInt32BE(body.length, 0);
  chunk.write(type, 4, 'latin1');
  body.copy(chunk, 8);
  return chunk; // CRC left zero: the checker does not decode, and the chunk is removed anyway
}
/** The fixture PNG with text and EXIF chunks after its header. */
function pngWithMetadata(): Buffer {
  const ihdrEnd = 8 + 12 + 13;
  return Buffer.concat([
    png.subarray(0, ihdrEnd),
    pngChunk('tEXt', 'Comment\0GPS 52.38 4.63'),
    pngChunk('eXIf', 'MM\0*GPS'),
    png.subarray(ihdrEnd),
  ]);
}

function multipart(files: Array<{ name: string; filename: string; type: string; data: Buffer }>) {
  const boundary = '----wijkpost-test-boundary';
  const parts = files.map((f) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    ]),
  );
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const photoFile = (data: Buffer, filename = 'photo.jpg', type = 'image/jpeg') => ({
  name: 'photo',
  filename,
  type,
  data,
});

describe('photos', () => {
  let db: Db;
  let app: App;
  let world: World;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildWorld(db);
    app = await testApp(db, { clock, env: { PHOTO_MAX_BYTES: '20000' } });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  async function newReport(): Promise<{ id: string; trackingCode: string }> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'hondenpoep', description: 'Hondenpoep op de stoep', location: GROTE_MARKT },
    });
    assert.equal(response.statusCode, 201, response.body);
    return { id: response.json().id, trackingCode: response.json().trackingCode };
  }
  const upload = (trackingCode: string, files: Parameters<typeof multipart>[0]) =>
    app.inject({ method: 'POST', url: `/api/v1/reports/${trackingCode}/photos`, ...multipart(files) });

  it('stores a JPEG re-encoded without EXIF, XMP, comments or trailing data', async () => {
    clock.set('2026-11-24T09:00:00+01:00');
    const report = await newReport();
    const response = await upload(report.trackingCode, [photoFile(jpegWithMetadata())]);
    assert.equal(response.statusCode, 201, response.body);
    assert.deepEqual(response.json(), { added: 1, photoCount: 1, maxPhotos: 3 });

    const officer = await bearerFor(db, world.officer.id);
    const list = (
      await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}/photos`, headers: officer })
    ).json();
    assert.equal(list.items.length, 1);
    assert.equal(list.items[0].contentType, 'image/jpeg');
    assert.equal(list.items[0].width, 16);
    assert.equal(list.items[0].height, 16);

    const image = await app.inject({ method: 'GET', url: list.items[0].url, headers: officer });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/jpeg');
    assert.match(String(image.headers['content-disposition']), /^inline; filename="photo-[0-9a-f-]+\.jpg"$/);
    assert.equal(image.headers['x-content-type-options'], 'nosniff');
    assert.equal(image.headers['content-security-policy'], PHOTO_CSP);
    const stored = image.rawPayload;
    // Photos are re-encoded (to apply the EXIF orientation), so the stored bytes are no longer the
    // original's; they are what re-encoding the original without its metadata gives: only the pixels count.
    assert.ok(stored.equals((await reencodePhoto(jpeg)).data), 'the added metadata made no difference');
    for (const marker of ['GPS', 'Exif', 'http://ns.adobe.com/xap', 'J. Jansen'])
      assert.equal(stored.includes(Buffer.from(marker)), false, `"${marker}" was stored`);
    assert.equal(list.items[0].byteSize, stored.length);
  });

  it('stores a PNG without its text and EXIF chunks', async () => {
    const report = await newReport();
    const response = await upload(report.trackingCode, [photoFile(pngWithMetadata(), 'kaart.jpg', 'image/jpeg')]);
    assert.equal(response.statusCode, 201, response.body);
    const officer = await bearerFor(db, world.officer.id);
    const list = (
      await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}/photos`, headers: officer })
    ).json();
    assert.equal(
      list.items[0].contentType,
      'image/png',
      'the type comes from the bytes, not the name or declared type',
    );
    assert.deepEqual([list.items[0].width, list.items[0].height], [25, 41]);
    const image = await app.inject({ method: 'GET', url: list.items[0].url, headers: officer });
    assert.equal(image.headers['content-type'], 'image/png');
    // Re-encoded, so compared by what re-encoding the original without the chunks gives (see the JPEG test).
    assert.ok(image.rawPayload.equals((await reencodePhoto(png)).data));
    for (const marker of ['tEXt', 'eXIf', 'GPS']) assert.equal(image.rawPayload.includes(Buffer.from(marker)), false);
  });

  it('stores a portrait phone photo upright, with its upright size', async () => {
    const sideways = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#ff0000' } })
      .composite([
        { input: { create: { width: 20, height: 20, channels: 3, background: '#0000ff' } }, left: 20, top: 0 },
      ])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const report = await newReport();
    assert.equal((await upload(report.trackingCode, [photoFile(sideways)])).statusCode, 201);
    const officer = await bearerFor(db, world.officer.id);
    const [photo] = (
      await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}/photos`, headers: officer })
    ).json().items;
    assert.deepEqual([photo.width, photo.height], [20, 40]);
    const stored = (await app.inject({ method: 'GET', url: photo.url, headers: officer })).rawPayload;
    const { data, info } = await sharp(stored).raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height, (await sharp(stored).metadata()).orientation], [20, 40, undefined]);
    const topRed = data[(5 * 20 + 10) * 3]!;
    const bottomBlue = data[(34 * 20 + 10) * 3 + 2]!;
    assert.ok(topRed > 240 && bottomBlue > 240, `red above (${topRed}), blue below (${bottomBlue})`);
  });

  it('refuses files that are not JPEG or PNG by their bytes, and files over the size limit, listing each and storing none', async () => {
    const report = await newReport();
    const disguised = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const huge = Buffer.concat([jpeg, Buffer.alloc(30_000)]);
    const response = await upload(report.trackingCode, [
      photoFile(jpeg),
      photoFile(disguised, 'photo.jpg', 'image/jpeg'),
      photoFile(huge),
    ]);
    assert.equal(response.statusCode, 400, response.body);
    const problems = response.json().invalidParams;
    assert.deepEqual(
      problems.map((p: { name: string; code: string }) => `${p.name}:${p.code}`),
      ['files[1]:invalid_image', 'files[2]:too_large'],
    );
    const stored = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM photos WHERE report_id = $1', [
      report.id,
    ]);
    assert.equal(stored.rows[0]!.n, 0);
    const truncatedJpeg = await upload(report.trackingCode, [photoFile(jpeg.subarray(0, 200))]);
    assert.equal(truncatedJpeg.statusCode, 400);
    // Well-formed segments, but a frame header no decoder accepts: only libjpeg notices, and it is still a 400.
    const badPrecision = Buffer.from(jpeg);
    badPrecision[jpeg.indexOf(Buffer.from([0xff, 0xc0])) + 4] = 7;
    const corrupt = await upload(report.trackingCode, [photoFile(badPrecision)]);
    assert.equal(corrupt.statusCode, 400, corrupt.body);
    assert.match(String(corrupt.headers['content-type']), /problem\+json/);
    assert.deepEqual(corrupt.json().invalidParams, [
      {
        name: 'files[0]',
        reason: 'the image data is damaged and cannot be decoded; only JPEG and PNG photos are accepted',
        code: 'invalid_image',
      },
    ]);
  });

  it('allows at most 3 photos per report', async () => {
    const report = await newReport();
    assert.equal(
      (await upload(report.trackingCode, [photoFile(jpeg), photoFile(png, 'a.png', 'image/png')])).statusCode,
      201,
    );
    const fourth = await upload(report.trackingCode, [photoFile(jpeg), photoFile(jpeg)]);
    assert.equal(fourth.statusCode, 409);
    assert.equal((await upload(report.trackingCode, [photoFile(jpeg)])).json().photoCount, 3);
    assert.equal((await upload(report.trackingCode, [photoFile(jpeg)])).statusCode, 409);
  });

  it('allows uploads only within an hour of reporting, and only with a real tracking code', async () => {
    clock.set('2026-11-24T10:00:00+01:00');
    const report = await newReport();
    clock.set('2026-11-24T11:00:01+01:00');
    const late = await upload(report.trackingCode, [photoFile(jpeg)]);
    assert.equal(late.statusCode, 403);
    assert.match(late.json().detail, /within an hour/);
    assert.equal((await upload('WP-0000-0000-0000-0000', [photoFile(jpeg)])).statusCode, 404);
    assert.equal((await upload('not-a-code', [photoFile(jpeg)])).statusCode, 404);
  });

  it('refuses an unknown, expired or full report before reading the body', async () => {
    const TOTAL = 20 * 1024 * 1024;
    const CHUNK = 256 * 1024;
    const uploadOf20Mb = (trackingCode: string) => {
      let produced = 0;
      const boundary = '----wijkpost-stream-boundary';
      const body = new Readable({
        read() {
          if (produced === 0) {
            const head = Buffer.from(
              `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
            );
            produced += head.length;
            this.push(head);
          } else if (produced < TOTAL) {
            produced += CHUNK;
            this.push(Buffer.alloc(CHUNK));
          } else {
            this.push(Buffer.from(`\r\n--${boundary}--\r\n`));
            this.push(null);
          }
        },
      });
      const response = app.inject({
        method: 'POST',
        url: `/api/v1/reports/${trackingCode}/photos`,
        payload: body,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
      return response.then((r) => ({ statusCode: r.statusCode, bytesRead: produced }));
    };
    const unknown = await uploadOf20Mb('WP-0000-0000-0000-0000');
    assert.equal(unknown.statusCode, 404);
    assert.ok(unknown.bytesRead < 2 * 1024 * 1024, `read ${unknown.bytesRead} bytes of a refused upload`);

    clock.set('2026-11-24T10:00:00+01:00');
    const full = await newReport();
    assert.equal(
      (await upload(full.trackingCode, [photoFile(jpeg), photoFile(jpeg), photoFile(jpeg)])).statusCode,
      201,
    );
    const fourth = await uploadOf20Mb(full.trackingCode);
    assert.equal(fourth.statusCode, 409);
    assert.ok(fourth.bytesRead < 2 * 1024 * 1024, `read ${fourth.bytesRead} bytes of a refused upload`);
    clock.set('2026-11-24T11:00:01+01:00');
    const late = await uploadOf20Mb(full.trackingCode);
    assert.equal(late.statusCode, 403);
    assert.ok(late.bytesRead < 2 * 1024 * 1024, `read ${late.bytesRead} bytes of a refused upload`);
  });

  it('refuses a body that is not multipart', async () => {
    const report = await newReport();
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.trackingCode}/photos`,
      payload: { photo: 'x' },
    });
    assert.equal(response.statusCode, 415, response.body);
    assert.match(String(response.headers['content-type']), /problem\+json/);
  });

  it("lets the officer add a photo to an own observation, and nobody else's", async () => {
    clock.set('2026-11-24T09:00:00+01:00');
    const officer = await bearerFor(db, world.officer.id);
    const colleague = await bearerFor(db, world.otherOfficer.id);
    const observation = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        headers: officer,
        payload: { categoryCode: 'grofvuil', location: GROTE_MARKT },
      })
    ).json();
    const byColleague = await app.inject({
      method: 'POST',
      url: `/api/v1/observations/${observation.id}/photos`,
      headers: { ...colleague, ...multipart([photoFile(jpeg)]).headers },
      payload: multipart([photoFile(jpeg)]).payload,
    });
    assert.equal(byColleague.statusCode, 403);
    const mine = await app.inject({
      method: 'POST',
      url: `/api/v1/observations/${observation.id}/photos`,
      headers: { ...officer, ...multipart([photoFile(jpegWithMetadata())]).headers },
      payload: multipart([photoFile(jpegWithMetadata())]).payload,
    });
    assert.equal(mine.statusCode, 201, mine.body);
    assert.equal(mine.json().items.length, 1);
    const analyst = await bearerFor(db, world.analyst.id);
    const listed = (
      await app.inject({ method: 'GET', url: `/api/v1/observations/${observation.id}/photos`, headers: analyst })
    ).json();
    assert.equal(listed.items[0].sha256, mine.json().items[0].sha256);
    const image = await app.inject({ method: 'GET', url: listed.items[0].url, headers: analyst });
    assert.ok(image.rawPayload.equals((await reencodePhoto(jpeg)).data), 're-encoded without the metadata');
    const observationList = (
      await app.inject({ method: 'GET', url: `/api/v1/observations?limit=1`, headers: analyst })
    ).json();
    assert.equal(observationList.items[0].photoCount, 1);
    const second = await app.inject({
      method: 'POST',
      url: `/api/v1/observations/${observation.id}/photos`,
      headers: { ...officer, ...multipart([photoFile(jpeg)]).headers },
      payload: multipart([photoFile(jpeg)]).payload,
    });
    assert.equal(second.statusCode, 409);
  });

  it('never shows photos to the public, and not to staff who may not see the thing it belongs to', async () => {
    clock.set('2026-11-24T09:00:00+01:00');
    const report = await newReport();
    await upload(report.trackingCode, [photoFile(jpeg)]);
    const officer = await bearerFor(db, world.officer.id);
    const photoUrl = (
      await app.inject({ method: 'GET', url: `/api/v1/reports/${report.id}/photos`, headers: officer })
    ).json().items[0].url;
    assert.equal((await app.inject({ method: 'GET', url: photoUrl })).statusCode, 401);
    const partner = await bearerFor(db, world.partner.id);
    assert.equal(
      (await app.inject({ method: 'GET', url: photoUrl, headers: partner })).statusCode,
      404,
      'a partner sees only reports forwarded to them',
    );
    const publicStatus = await app.inject({ method: 'GET', url: `/api/v1/public/reports/${report.trackingCode}` });
    assert.equal(JSON.stringify(publicStatus.json()).includes('photo'), false);
  });

  it('checks roles on every staff photo endpoint: 401 without sign-in, 403 for other roles', async () => {
    const report = await newReport();
    const officer = await bearerFor(db, world.officer.id);
    const observation = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        headers: officer,
        payload: { categoryCode: 'grofvuil', location: GROTE_MARKT },
      })
    ).json();
    const readers: Role[] = ['officer', 'coordinator', 'team_manager', 'analyst'];
    const body = multipart([photoFile(jpeg)]);
    await assertRoleChecks(app, db, world, [
      {
        method: 'POST',
        url: `/api/v1/observations/${observation.id}/photos`,
        payload: body.payload,
        headers: body.headers,
        allowed: ['officer'],
      },
      { method: 'GET', url: `/api/v1/observations/${observation.id}/photos`, allowed: readers },
      { method: 'GET', url: `/api/v1/reports/${report.id}/photos`, allowed: [...roles] },
      { method: 'GET', url: '/api/v1/photos/00000000-0000-4000-8000-000000000000', allowed: [...roles] },
    ]);
  });

  it("documents the upload once, under /public/reports/{trackingCode}/photos, which works like the form's path", async () => {
    clock.set('2026-11-24T09:00:00+01:00');
    const report = await newReport();
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${report.trackingCode}/photos`,
      ...multipart([photoFile(png, 'p.png', 'image/png')]),
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().photoCount, 1);
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    assert.ok(doc.paths['/public/reports/{trackingCode}/photos'].post);
    assert.equal(doc.paths['/reports/{trackingCode}/photos'], undefined);
    assert.ok(doc.paths['/reports/{reportId}/photos'].get);
  });

  it('rate-limits public uploads', async () => {
    const limited = await testApp(db, { clock, env: { PHOTO_UPLOAD_RATE_LIMIT_PER_MINUTE: '1' } });
    try {
      const url = '/api/v1/public/reports/WP-0000-0000-0000-0000/photos';
      const first = await limited.inject({ method: 'POST', url, ...multipart([photoFile(jpeg)]) });
      const second = await limited.inject({ method: 'POST', url, ...multipart([photoFile(jpeg)]) });
      assert.deepEqual([first.statusCode, second.statusCode], [404, 429]);
    } finally {
      await limited.close();
    }
  });
});
