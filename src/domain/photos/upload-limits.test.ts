import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { buildWorld, GROTE_MARKT, type World } from '../../../test/support/fieldwork-world.ts';
import { purgeUploadUsage } from '../retention/index.ts';
import { PHOTO_DECODE_SLOTS, withPhotoSlot } from './photo-slots.ts';

const BOUNDARY = '----wijkpost-limits';
const head = Buffer.from(
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="photo"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
);
const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
const multipart = (data: Buffer) => ({
  payload: Buffer.concat([head, data, tail]),
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
});

/** A photo of noise: it stays large after re-encoding, as a real photo does. */
const noisePhoto = (size = 160) =>
  sharp(randomBytes(size * size * 3), { raw: { width: size, height: size, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();

describe('photo uploads: spooled to disk, a bounded number at a time, storage capped', () => {
  let db: Db;
  let world: World;
  let spoolDir: string;
  let photo: Buffer;
  let storedSize: number;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  const apps: App[] = [];

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildWorld(db);
    spoolDir = mkdtempSync(join(tmpdir(), 'wijkpost-spool-test-'));
    photo = await noisePhoto();
    // What one upload of `photo` stores, measured through the app (the caps count stored bytes).
    const app = await appWith({});
    const report = await newReport(app);
    const first = await upload(app, report.trackingCode, photo);
    assert.equal(first.statusCode, 201, first.body);
    const { rows } = await db.query<{ n: number }>('SELECT byte_size AS n FROM photos WHERE report_id = $1', [
      report.id,
    ]);
    storedSize = rows[0]!.n;
    assert.ok(storedSize > 10_000, `the noise photo stays large (${storedSize} bytes)`);
  });
  after(async () => {
    for (const app of apps) await app.close();
    await db.close();
    rmSync(spoolDir, { recursive: true, force: true });
  });

  async function appWith(env: Record<string, string>) {
    const app = await testApp(db, { clock, env: { UPLOAD_SPOOL_DIR: spoolDir, ...env } });
    apps.push(app);
    return app;
  }
  async function newReport(app: App) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'hondenpoep', description: 'Hondenpoep op de stoep', location: GROTE_MARKT },
      remoteAddress: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string; trackingCode: string };
  }
  const upload = (app: App, trackingCode: string, data: Buffer, remoteAddress = '192.0.2.10', headers = {}) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/public/reports/${trackingCode}/photos`,
      ...multipart(data),
      headers: { ...multipart(data).headers, ...headers },
      remoteAddress,
    });
  const photoCount = async (reportId: string) =>
    (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM photos WHERE report_id = $1', [reportId])).rows[0]!
      .n;

  it('leaves no spool file behind, after a stored upload and after a refused one', async () => {
    const app = await appWith({});
    const report = await newReport(app);
    assert.equal((await upload(app, report.trackingCode, photo)).statusCode, 201);
    assert.equal((await upload(app, report.trackingCode, Buffer.from('not a photo at all'))).statusCode, 400);
    assert.deepEqual(readdirSync(spoolDir), []);
  });

  it('refuses an upload beyond PHOTO_UPLOADS_IN_FLIGHT with 503 and Retry-After before reading it', async () => {
    const app = await appWith({ PHOTO_UPLOADS_IN_FLIGHT: '1' });
    const report = await newReport(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    const { payload, headers } = multipart(photo);
    // The first upload sends half its body and waits: it holds the only place.
    const slow = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/public/reports/${report.trackingCode}/photos`,
      headers: { ...headers, 'content-length': payload.length },
    });
    const slowAnswer = new Promise<number>((resolve, reject) => {
      slow.on('response', (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      slow.on('error', reject);
    });
    slow.write(payload.subarray(0, payload.length / 2));
    for (let i = 0; i < 200 && readdirSync(spoolDir).length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    assert.equal(readdirSync(spoolDir).length, 1, 'the first upload is being spooled');

    const refused = await upload(app, report.trackingCode, photo, '192.0.2.11');
    assert.equal(refused.statusCode, 503, refused.body);
    assert.equal(refused.headers['retry-after'], '5');
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);

    slow.end(payload.subarray(payload.length / 2));
    assert.equal(await slowAnswer, 201);
    assert.equal(await photoCount(report.id), 1, 'only the first upload was stored');
    const again = await upload(app, report.trackingCode, photo, '192.0.2.11');
    assert.equal(again.statusCode, 201, 'the place is free again once the first upload is done');
  });

  it('caps what one address stores per day (429 with Retry-After, nothing stored); staff and others go on', async () => {
    const app = await appWith({ PHOTO_BYTES_PER_ADDRESS_PER_DAY: String(Math.ceil(storedSize * 1.5)) });
    const address = '198.51.100.7';
    const first = await newReport(app);
    assert.equal((await upload(app, first.trackingCode, photo, address)).statusCode, 201);
    const second = await newReport(app);
    const refused = await upload(app, second.trackingCode, photo, address);
    assert.equal(refused.statusCode, 429, refused.body);
    assert.ok(Number(refused.headers['retry-after']) > 0, 'says when the day is over');
    assert.equal(await photoCount(second.id), 0);
    assert.equal((await upload(app, second.trackingCode, photo, '198.51.100.8')).statusCode, 201);
    const third = await newReport(app);
    const staff = await bearerFor(db, world.officer.id, clock);
    assert.equal((await upload(app, third.trackingCode, photo, address, staff)).statusCode, 201, 'staff upload');
    const { rows } = await db.query<{ address_key: string }>('SELECT address_key FROM photo_upload_usage');
    assert.ok(
      rows.every((row) => !row.address_key.includes('198.51.100')),
      'the address is stored as a keyed hash only',
    );
  });

  it('caps the stored bytes of one report (409, nothing stored)', async () => {
    const app = await appWith({ PHOTO_BYTES_PER_REPORT: String(Math.ceil(storedSize * 1.5)) });
    const report = await newReport(app);
    assert.equal((await upload(app, report.trackingCode, photo, '203.0.113.1')).statusCode, 201);
    const refused = await upload(app, report.trackingCode, photo, '203.0.113.1');
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(await photoCount(report.id), 1);
  });

  it("purges earlier days' upload counts and keeps today's", async () => {
    await db.query(
      `INSERT INTO photo_upload_usage (address_key, day, bytes) VALUES ('old', '2026-11-23', 5), ('today', '2026-11-24', 5)`,
    );
    const counts = await purgeUploadUsage({ db, clock: fixedClock('2026-11-24T12:00:00Z') });
    assert.ok(counts.uploadCountsRemoved >= 1);
    const { rows } = await db.query<{ address_key: string }>(
      `SELECT address_key FROM photo_upload_usage WHERE address_key IN ('old', 'today')`,
    );
    assert.deepEqual(
      rows.map((row) => row.address_key),
      ['today'],
    );
  });

  it(`decodes at most ${PHOTO_DECODE_SLOTS} photos at once in a process`, async () => {
    let running = 0;
    let most = 0;
    const work = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return running;
    };
    await Promise.all(Array.from({ length: 7 }, () => withPhotoSlot(work)));
    assert.equal(most, PHOTO_DECODE_SLOTS);
  });
});
