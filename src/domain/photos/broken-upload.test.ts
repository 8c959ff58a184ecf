import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testApp } from '../../../test/support/app.ts';
import { GROTE_MARKT } from '../../../test/support/reports-world.ts';

const boundary = '----wijkpost-broken';
const part = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;

describe('a broken multipart upload is a 400, not a 500', () => {
  let db: Db;
  let app: App;
  let trackingCode: string;
  before(async () => {
    db = await openTestDb();
    app = await testApp(db);
    const report = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'hondenpoep', description: 'Hondenpoep bij de kerk', location: GROTE_MARKT },
    });
    trackingCode = report.json().trackingCode;
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const broken: Record<string, { type: string; payload: string }> = {
    'ends inside a file': { type: `multipart/form-data; boundary=${boundary}`, payload: `${part}\xff\xd8\xff` },
    'has no part header': {
      type: `multipart/form-data; boundary=${boundary}`,
      payload: `--${boundary}\r\nno header\r\n`,
    },
    'is not multipart at all': { type: `multipart/form-data; boundary=${boundary}`, payload: 'garbage' },
    'has no boundary': { type: 'multipart/form-data', payload: `${part}x\r\n--${boundary}--\r\n` },
  };
  for (const [what, body] of Object.entries(broken)) {
    it(`refuses a body that ${what}, and stores nothing`, async () => {
      const response = await app.inject({
        method: 'POST',
        url: `/api/v1/public/reports/${trackingCode}/photos`,
        headers: { 'content-type': body.type },
        payload: body.payload,
      });
      assert.ok([400, 415].includes(response.statusCode), `${response.statusCode} ${response.body}`);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM photos');
      assert.equal(rows[0]!.n, 0);
    });
  }
});
