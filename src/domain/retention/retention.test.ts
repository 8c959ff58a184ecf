import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  anonymiseReporterContact,
  listRetentionPeriods,
  purgeIdempotencyRecords,
  purgeSessions,
  removeClosedReportPhotos,
  setRetentionPeriods,
} from './index.ts';
import { addMunicipality, addReport, reportState } from './test-fixtures.ts';

const DAY = 86_400_000;
const closed = new Date('2025-03-01T12:00:00Z');
const at = (days: number, ms = 0) => fixedClock(new Date(closed.getTime() + days * DAY + ms));

/** The retention entries of a report's history: who wrote them, and that they name no removed value. */
async function retentionHistory(db: Db, reportId: string, action: string) {
  const { rows } = await db.query<{ actor_label: string; text: string | null; data: unknown }>(
    'SELECT actor_label, text, data FROM report_history WHERE report_id = $1 AND action = $2',
    [reportId, action],
  );
  return rows;
}

describe('retention of reporter contact and photos after closure', () => {
  let db: Db;
  const ids: Record<string, string> = {};
  before(async () => {
    db = await openTestDb({ empty: true });
    await addMunicipality(db, 'GM0392', 'haarlem', 'WK039201');
    await addMunicipality(db, 'GM0363', 'amsterdam', 'WK036301');
    // Amsterdam keeps contact for 30 days and photos for 10; Haarlem keeps the defaults (365 and 90).
    await db.query(
      "UPDATE municipalities SET reporter_retention_days = 30, photo_retention_days = 10 WHERE code = 'GM0363'",
    );
    const haarlem = { municipality: 'GM0392', district: 'WK039201' };
    const amsterdam = { municipality: 'GM0363', district: 'WK036301' };
    ids.resolved = await addReport(db, { ...haarlem, status: 'resolved', closedAt: closed });
    ids.cancelled = await addReport(db, { ...haarlem, status: 'cancelled', closedAt: closed });
    ids.open = await addReport(db, { ...haarlem, status: 'new', closedAt: null });
    ids.reopened = await addReport(db, { ...haarlem, status: 'reopened', closedAt: null });
    ids.amsterdam = await addReport(db, { ...amsterdam, status: 'resolved', closedAt: closed });
  });
  after(() => db.close());

  it('the defaults are 365 days for contact and 90 for photos', async () => {
    const { rows } = await db.query<{ reporter_retention_days: number; photo_retention_days: number }>(
      "SELECT reporter_retention_days, photo_retention_days FROM municipalities WHERE code = 'GM0392'",
    );
    assert.deepEqual(rows[0], { reporter_retention_days: 365, photo_retention_days: 90 });
  });

  it('changes nothing before any limit', async () => {
    const clock = at(9, DAY - 1);
    assert.deepEqual(await anonymiseReporterContact({ db, clock }), { reportsAnonymised: 0, followersRemoved: 0 });
    assert.deepEqual(await removeClosedReportPhotos({ db, clock }), {
      photosRemoved: 0,
      bytesRemoved: 0,
      mediaLinksCleared: 0,
    });
    for (const id of Object.values(ids)) {
      const state = await reportState(db, id);
      assert.equal(state.reporter_email, 'melder@example.org');
      assert.equal(state.photos, 1);
    }
  });

  it("removes photos at each municipality's own limit", async () => {
    assert.deepEqual(await removeClosedReportPhotos({ db, clock: at(10) }), {
      photosRemoved: 1,
      bytesRemoved: 4,
      mediaLinksCleared: 1,
    });
    assert.equal((await reportState(db, ids.amsterdam!)).photos, 0);
    assert.equal((await reportState(db, ids.amsterdam!)).media_url, null);
    assert.equal((await reportState(db, ids.resolved!)).photos, 1, 'Haarlem keeps photos for 90 days');
    assert.deepEqual(await retentionHistory(db, ids.amsterdam!, 'photos_expired'), [
      { actor_label: 'system', text: null, data: {} },
    ]);
    assert.deepEqual(await retentionHistory(db, ids.resolved!, 'photos_expired'), []);

    assert.deepEqual(await removeClosedReportPhotos({ db, clock: at(90) }), {
      photosRemoved: 2,
      bytesRemoved: 8,
      mediaLinksCleared: 2,
    });
    assert.equal((await reportState(db, ids.resolved!)).photos, 0);
    assert.equal((await reportState(db, ids.cancelled!)).photos, 0);
    assert.equal((await reportState(db, ids.open!)).photos, 1, 'an open report keeps its photos');
    assert.equal((await reportState(db, ids.open!)).media_url, 'https://photos.example/1.jpg');
    assert.equal((await reportState(db, ids.reopened!)).photos, 1, 'a reopened report keeps its photos');
    assert.deepEqual(await removeClosedReportPhotos({ db, clock: at(90) }), {
      photosRemoved: 0,
      bytesRemoved: 0,
      mediaLinksCleared: 0,
    });
    assert.equal((await retentionHistory(db, ids.resolved!, 'photos_expired')).length, 1, 'one entry, not one per run');
  });

  it("anonymises reporter contact and followers at each municipality's own limit, once", async () => {
    assert.deepEqual(await anonymiseReporterContact({ db, clock: at(30) }), {
      reportsAnonymised: 1,
      followersRemoved: 1,
    });
    const amsterdam = await reportState(db, ids.amsterdam!);
    assert.deepEqual(
      [amsterdam.reporter_email, amsterdam.reporter_phone, amsterdam.reporter_name, amsterdam.reporter_consent_share],
      [null, null, null, false],
    );
    assert.equal(amsterdam.followers, 0);
    assert.equal(amsterdam.description, 'Afval naast de container', 'the report itself stays');
    assert.deepEqual(await retentionHistory(db, ids.amsterdam!, 'contact_expired'), [
      { actor_label: 'system', text: null, data: {} },
    ]);
    assert.equal((await reportState(db, ids.resolved!)).reporter_email, 'melder@example.org');

    assert.deepEqual(await anonymiseReporterContact({ db, clock: at(365, -1) }), {
      reportsAnonymised: 0,
      followersRemoved: 0,
    });
    assert.deepEqual(await anonymiseReporterContact({ db, clock: at(365) }), {
      reportsAnonymised: 2,
      followersRemoved: 2,
    });
    for (const id of [ids.resolved!, ids.cancelled!]) {
      const state = await reportState(db, id);
      assert.deepEqual(
        [state.reporter_email, state.reporter_phone, state.reporter_name, state.followers],
        [null, null, null, 0],
      );
    }
    for (const id of [ids.open!, ids.reopened!]) {
      const state = await reportState(db, id);
      assert.equal(state.reporter_email, 'melder@example.org', 'open and reopened reports keep their contact');
      assert.equal(state.followers, 1);
    }
    assert.deepEqual(await anonymiseReporterContact({ db, clock: at(400) }), {
      reportsAnonymised: 0,
      followersRemoved: 0,
    });
    for (const id of [ids.resolved!, ids.cancelled!, ids.amsterdam!])
      assert.equal((await retentionHistory(db, id, 'contact_expired')).length, 1, 'one entry per report');
    assert.deepEqual(await retentionHistory(db, ids.open!, 'contact_expired'), []);
  });
});

describe('purging sessions and idempotency records', () => {
  let db: Db;
  const now = new Date('2026-11-24T09:00:00Z');
  before(async () => {
    db = await openTestDb({ empty: true });
    await addMunicipality(db, 'GM0392', 'haarlem', 'WK039201');
    const { rows } = await db.query<{ id: string }>(
      "INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0392', 'a@haarlem.example', 'A', '{officer}') RETURNING id",
    );
    const user = rows[0]!.id;
    const session = (hash: string, expires: Date, revoked: Date | null) =>
      db.query(
        "INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at, revoked_at) VALUES ($1, $2, 'bearer', $3, $4, $5)",
        [hash, user, new Date(now.getTime() - DAY), expires, revoked],
      );
    await session('live', new Date(now.getTime() + 1000), null);
    await session('expired', new Date(now.getTime() - 1000), null);
    await session('revoked', new Date(now.getTime() + 1000), new Date(now.getTime() - 5000));
    const key = (name: string, hoursAgo: number) =>
      db.query(
        "INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at) VALUES ('s', $1, 'h', 201, '{}', $2)",
        [name, new Date(now.getTime() - hoursAgo * 3_600_000)],
      );
    await key('fresh', 47);
    await key('old', 48);
    await key('older', 500);
  });
  after(() => db.close());

  it('removes expired and revoked sessions and keeps live ones; a re-run removes nothing', async () => {
    const clock = fixedClock(now);
    assert.deepEqual(await purgeSessions({ db, clock }), { expiredSessionsRemoved: 1, revokedSessionsRemoved: 1 });
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    assert.deepEqual(
      rows.map((r) => r.token_hash),
      ['live'],
    );
    assert.deepEqual(await purgeSessions({ db, clock }), { expiredSessionsRemoved: 0, revokedSessionsRemoved: 0 });
  });

  it('removes idempotency records older than the retention (48 hours by default)', async () => {
    const clock = fixedClock(now);
    assert.deepEqual(await purgeIdempotencyRecords({ db, clock }), { idempotencyRecordsRemoved: 2 });
    const { rows } = await db.query<{ key: string }>('SELECT key FROM idempotency_keys');
    assert.deepEqual(
      rows.map((r) => r.key),
      ['fresh'],
    );
    assert.deepEqual(await purgeIdempotencyRecords({ db, clock }, 1), { idempotencyRecordsRemoved: 1 });
  });
});

describe('setting retention periods per municipality', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb({ empty: true });
    await addMunicipality(db, 'GM0392', 'haarlem', 'WK039201');
    await addMunicipality(db, 'GM0363', 'amsterdam', 'WK036301');
  });
  after(() => db.close());

  it('changes one or both periods of one municipality and lists them', async () => {
    assert.deepEqual(await setRetentionPeriods({ db }, { municipalityCode: 'GM0392', photoDays: 30 }), {
      municipalityCode: 'GM0392',
      reporterDays: 365,
      photoDays: 30,
    });
    await setRetentionPeriods({ db }, { municipalityCode: 'GM0363', reporterDays: 180, photoDays: 60 });
    assert.deepEqual(await listRetentionPeriods({ db }), [
      { municipalityCode: 'GM0363', reporterDays: 180, photoDays: 60 },
      { municipalityCode: 'GM0392', reporterDays: 365, photoDays: 30 },
    ]);
  });

  it('refuses days outside 1 to 3650 and an unknown municipality', async () => {
    await assert.rejects(
      setRetentionPeriods({ db }, { municipalityCode: 'GM0392', reporterDays: 0, photoDays: 1.5 }),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'validation' &&
        error.fieldProblems.map((p) => p.name).join() === 'reporterDays,photoDays',
    );
    await assert.rejects(
      setRetentionPeriods({ db }, { municipalityCode: 'GM9999', reporterDays: 10 }),
      (error: unknown) => error instanceof DomainError && error.code === 'not_found',
    );
  });
});
