import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { createUser } from '../people/index.ts';
import { PHOTO_CSP } from './routes.ts';

/** A JPEG as a phone writes it: EXIF with GPS position and the camera's serial number. */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'SecretSerial-12345' }, IFD3: { GPSLatitudeRef: 'N' } })
    .toBuffer();
}

function multipart(data: Buffer, type = 'image/jpeg') {
  const boundary = '----wijkpost-officer-photo';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="me.jpg"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe("an officer's public portrait", () => {
  let db: Db;
  let app: App;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  const PARKWIJK = 'WK039209';
  let fatimaId: string;
  const auth: Record<string, { authorization: string }> = {};

  before(async () => {
    db = await openTestDb();
    const idOf = async (email: string) =>
      (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]!.id;
    fatimaId = await idOf('fatima.devries@haarlem.example');
    auth.admin = await bearerFor(db, await idOf('admin@haarlem.example'), clock);
    auth.officer = await bearerFor(db, fatimaId, clock);
    await db.query("INSERT INTO municipalities (code, name, slug) VALUES ('GM0363', 'Amsterdam', 'amsterdam')");
    const other = await createUser(
      { db, clock },
      { municipalityCode: 'GM0363', email: 'admin@amsterdam.example', name: 'A', roles: ['administrator'] },
    );
    auth.otherAdmin = await bearerFor(db, other.user.id, clock);
    app = await testApp(db, { clock });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const upload = (who: string, data: Buffer, type?: string) => {
    const body = multipart(data, type);
    return app.inject({
      method: 'PUT',
      url: `/api/v1/officers/${fatimaId}/photo`,
      payload: body.payload,
      headers: { ...auth[who], ...body.headers },
    });
  };

  it('is set by administrators only, within their municipality', async () => {
    const photo = await phoneJpeg();
    assert.equal((await upload('officer', photo)).statusCode, 403);
    assert.equal((await upload('otherAdmin', photo)).statusCode, 404);
    assert.equal((await db.query('SELECT 1 FROM officer_photos')).rows.length, 0);
  });

  it('refuses what is not an image, with the field problem, and stores nothing', async () => {
    const response = await upload('admin', Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().invalidParams[0].code, 'invalid_image');
    assert.equal((await db.query('SELECT 1 FROM officer_photos')).rows.length, 0);
  });

  it('is re-encoded without EXIF and served publicly from the URL on the district card', async () => {
    const original = await phoneJpeg();
    assert.ok(original.includes(Buffer.from('SecretSerial-12345')), 'the fixture carries EXIF');
    const response = await upload('admin', original);
    assert.equal(response.statusCode, 200, response.body);
    const { photoUrl } = response.json();
    assert.match(photoUrl, /^\/api\/v1\/public\/officer-photos\/[0-9a-f-]{36}$/);

    const card = (await app.inject({ url: `/api/v1/public/districts/${PARKWIJK}/officer` })).json();
    assert.equal(card.photoUrl, photoUrl);
    const image = await app.inject({ url: photoUrl });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/jpeg');
    assert.equal(image.headers['x-content-type-options'], 'nosniff');
    assert.equal(image.headers['content-security-policy'], PHOTO_CSP);
    const served = image.rawPayload;
    assert.equal(served.includes(Buffer.from('SecretSerial-12345')), false, 'the serial number was stored');
    assert.equal(served.includes(Buffer.from('Exif')), false, 'an EXIF block was stored');
    assert.equal((await sharp(served).metadata()).exif, undefined);

    // A new portrait replaces the old one, whose address stops answering.
    const replaced = await upload('admin', original);
    assert.notEqual(replaced.json().photoUrl, photoUrl);
    assert.equal((await app.inject({ url: photoUrl })).statusCode, 404);
    assert.equal((await db.query('SELECT 1 FROM officer_photos')).rows.length, 1);
  });
});
