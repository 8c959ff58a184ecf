import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

describe('POST /api/v1/reports/{reportId}/duplicate-of: close as a duplicate, its people follow the main report', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  let coordinator: { authorization: string };
  const clock = fixedClock(TEST_NOW);

  const newReport = async (reporterEmail?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'hondenpoep',
        description: 'Poep op de stoep',
        location: GROTE_MARKT,
        ...(reporterEmail ? { reporter: { email: reporterEmail, consentToShareWithPartners: false } } : {}),
      },
      remoteAddress: '198.51.100.60',
    });
    assert.equal(response.statusCode, 201, response.body);
    return (response.json() as { id: string }).id;
  };
  const follow = async (reportId: string, email: string, language = 'en') => {
    const { rows } = await db.query<{ public_id: string }>('SELECT public_id FROM reports WHERE id = $1', [reportId]);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/public/report-followers',
      payload: { reportId: rows[0]!.public_id, email, language },
      remoteAddress: '198.51.100.61',
    });
    assert.equal(response.statusCode < 300, true, response.body);
  };
  const link = (reportId: string, mainReportId: string, headers = coordinator) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/duplicate-of`,
      payload: { mainReportId },
      headers,
    });
  const followers = async (reportId: string) =>
    (
      await db.query<{ email: string; language: string }>(
        'SELECT email, language FROM report_followers WHERE report_id = $1 ORDER BY lower(email)',
        [reportId],
      )
    ).rows;

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    coordinator = await bearerFor(db, world.userId(emails.coordinator));
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('closes the duplicate, records it on both, and its reporter and followers follow the main report once', async () => {
    const main = await newReport('main@example.org');
    const duplicate = await newReport('dup@example.org');
    await follow(main, 'buur@example.org');
    await follow(duplicate, 'Buur@example.org'); // already follows the main report: not twice
    await follow(duplicate, 'overbuur@example.org');

    const response = await link(duplicate, main);
    assert.equal(response.statusCode, 200, response.body);
    const detail = response.json();
    assert.equal(detail.status, 'cancelled');
    assert.equal(detail.duplicateOf, main);
    assert.ok(detail.closedAt);
    const entry = detail.history.at(-1);
    assert.deepEqual([entry.action, entry.fromStatus, entry.toStatus], ['duplicate_of', 'new', 'cancelled']);
    assert.deepEqual(entry.data, { main: { id: main } });

    const mainDetail = (
      await app.inject({ method: 'GET', url: `/api/v1/reports/${main}`, headers: coordinator })
    ).json();
    assert.equal(mainDetail.status, 'new', 'the main report stays open');
    assert.deepEqual(mainDetail.history.at(-1).action, 'duplicate_linked');
    assert.deepEqual(mainDetail.history.at(-1).data, { duplicate: { id: duplicate } });

    assert.deepEqual(await followers(main), [
      { email: 'buur@example.org', language: 'en' },
      { email: 'dup@example.org', language: 'nl' },
      { email: 'overbuur@example.org', language: 'en' },
    ]);
  });

  it('refuses itself, an unknown, closed or duplicate main report, and a closed duplicate; nothing changes', async () => {
    const main = await newReport();
    const other = await newReport();
    const self = await link(other, other);
    assert.equal(self.statusCode, 400);
    assert.equal(self.json().invalidParams[0].code, 'same_report');
    const unknown = await link(other, '00000000-0000-4000-8000-000000000000');
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().invalidParams[0].code, 'unknown_report');

    const duplicate = await newReport();
    assert.equal((await link(duplicate, main)).statusCode, 200);
    const onDuplicate = await link(other, duplicate);
    assert.equal(onDuplicate.statusCode, 400, 'no chains: the main report may not be a duplicate itself');
    assert.equal(onDuplicate.json().invalidParams[0].code, 'main_closed');
    const again = await link(duplicate, other);
    assert.equal(again.statusCode, 409, 'a closed report cannot be closed as a duplicate again');

    const { rows } = await db.query<{ status: string; duplicate_of: string | null }>(
      'SELECT status, duplicate_of FROM reports WHERE id = $1',
      [other],
    );
    assert.deepEqual(rows[0], { status: 'new', duplicate_of: null });
  });

  it('is for staff who assign reports: an analyst gets 403, a partner (who cannot see them) 403 too', async () => {
    const main = await newReport();
    const duplicate = await newReport();
    for (const who of [emails.analyst, emails.partner]) {
      const response = await link(duplicate, main, await bearerFor(db, world.userId(who)));
      assert.equal(response.statusCode, 403, who);
    }
  });
});
