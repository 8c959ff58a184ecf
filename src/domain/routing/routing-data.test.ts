import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db, Queryable } from '../../db/db.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { computeDeadline } from '../../shared/time/index.ts';
import { countAssignment, decideRouting, loadRoutingSnapshot, type RoutingInput } from './index.ts';

// pg announces overlapping queries on one client once per process, as a process warning: listen from the start.
const warnings: string[] = [];
process.on('warning', (warning) => warnings.push(warning.message));

const square = `ST_Multi(ST_MakeEnvelope(100000, 480000, 101000, 481000, 28992))`;

/** Fails the moment a second statement starts on the handle while one is still running. */
function oneStatementAtATime(tx: Queryable): Queryable & { statements: number } {
  let running = false;
  const guarded = {
    statements: 0,
    async query<T>(sql: string, params?: readonly unknown[]) {
      if (running) throw new Error(`overlapping statement on one connection: ${sql.slice(0, 60)}`);
      running = true;
      guarded.statements += 1;
      try {
        return await tx.query<T>(sql, params);
      } finally {
        running = false;
      }
    },
  };
  return guarded;
}

describe('routing data: one connection, a version counter, changes made outside the app', () => {
  let db: Db;
  const people = {} as Record<'fatima' | 'jan' | 'kees', string>;
  let teamId = '';
  const receivedAt = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 in Haarlem
  const input = (overrides: Partial<RoutingInput> = {}): RoutingInput & { municipalityCode: string } => ({
    municipalityCode: 'GM0392',
    receivedAt,
    timeZone: 'Europe/Amsterdam',
    categoryCode: 'jongerenoverlast',
    parentCategoryCode: 'openbare-orde',
    urgent: false,
    deadline: computeDeadline({ amount: 3, unit: 'workdays' }, receivedAt, 'Europe/Amsterdam'),
    source: 'web',
    districtCode: 'WK039206',
    boroughCode: 'oost',
    ...overrides,
  });

  before(async () => {
    db = await openTestDb({ empty: true });
    await db.query(`INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem')`);
    const borough = await db.query<{ id: string }>(
      `INSERT INTO boroughs (municipality_code, code, name) VALUES ('GM0392', 'oost', 'Oost') RETURNING id`,
    );
    const boroughId = borough.rows[0]!.id;
    await db.query(
      `INSERT INTO districts (code, municipality_code, borough_id, name, geom) VALUES
         ('WK039206', 'GM0392', $1, 'Parkwijk', ${square}), ('WK039207', 'GM0392', $1, 'Oostwijk', ${square})`,
      [boroughId],
    );
    for (const [key, name, districtDays] of [
      ['fatima', 'Fatima de Vries', [1, 3]],
      ['jan', 'Jan Bakker', [1, 3]],
      ['kees', 'Kees Visser', [1, 3]],
    ] as const) {
      const user = await db.query<{ id: string }>(
        `INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0392', $1, $2, '{officer}') RETURNING id`,
        [`${key}@haarlem.example`, name],
      );
      people[key] = user.rows[0]!.id;
      await db.query('INSERT INTO officers (user_id, district_weekdays) VALUES ($1, $2)', [people[key], districtDays]);
    }
    await db.query(
      `INSERT INTO district_assignments (district_code, owner_id, backup_id, valid_from) VALUES
         ('WK039206', $1, $2, '2026-01-01T00:00:00Z'), ('WK039207', $3, NULL, '2026-01-01T00:00:00Z')`,
      [people.fatima, people.jan, people.kees],
    );
    const group = await db.query<{ id: string }>(
      `INSERT INTO coordinator_groups (municipality_code, name) VALUES ('GM0392', 'Oost') RETURNING id`,
    );
    await db.query('INSERT INTO coordinator_group_boroughs (group_id, borough_id) VALUES ($1, $2)', [
      group.rows[0]!.id,
      boroughId,
    ]);
    const team = await db.query<{ id: string }>(
      `INSERT INTO teams (municipality_code, code, name, kind) VALUES ('GM0392', 'jeugd', 'Team Jeugd', 'team') RETURNING id`,
    );
    teamId = team.rows[0]!.id;
  });
  after(() => db.close());

  it('runs its statements one after another inside a transaction, without pg warnings', async () => {
    const seen = await db.transaction(async (tx) => {
      const guarded = oneStatementAtATime(tx);
      const snapshot = await loadRoutingSnapshot(guarded, 'GM0392', 'WK039206', { absencesFrom: receivedAt });
      // Everyone away, changed inside the transaction: the decision reloads and walks every step.
      await tx.query(`INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at)
                      SELECT user_id, 'leave', '2026-11-29T00:00:00Z', '2026-12-20T00:00:00Z', now() FROM officers`);
      const decision = await decideRouting({ db: guarded }, input());
      return { snapshot, decision, statements: guarded.statements };
    });
    assert.equal(seen.snapshot.district.ownerId, people.fatima);
    assert.equal(seen.decision.rule, 'coordinator-queue');
    assert.ok(seen.statements >= 3, `expected the version check, the data and the counts, saw ${seen.statements}`);
    await db.query(`DELETE FROM absences WHERE kind = 'leave'`);
    assert.deepEqual(
      warnings.filter((w) => w.includes('already executing a query')),
      [],
    );
  });

  it('fetches open-report counts only when a colleague step decides', async () => {
    const guarded = oneStatementAtATime(db);
    await decideRouting({ db: guarded }, input()); // fills the handle's cache
    const before = guarded.statements;
    assert.equal((await decideRouting({ db: guarded }, input())).rule, 'district-owner');
    assert.equal(guarded.statements - before, 1, 'only the version check while nothing changed');
    const away = `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'other', '2026-11-29T00:00:00Z', '2026-12-20T00:00:00Z', now())`;
    await db.query(away, [people.fatima]);
    const beforeBackup = guarded.statements;
    assert.equal((await decideRouting({ db: guarded }, input())).rule, 'district-backup');
    assert.equal(guarded.statements - beforeBackup, 2, 'version and data, no counts');
    await db.query(away, [people.jan]);
    const beforeColleague = guarded.statements;
    assert.equal((await decideRouting({ db: guarded }, input())).assignee.id, people.kees);
    assert.equal(guarded.statements - beforeColleague, 3, 'version, data, then the counts the colleague step compares');
    await db.query(`DELETE FROM absences WHERE kind = 'other'`);
  });

  it('reads open-report counts at most every few seconds, and counts its own assignments at once', async () => {
    const away = `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'other', '2026-11-29T00:00:00Z', '2026-12-20T00:00:00Z', now())`;
    await db.query(away, [people.fatima]);
    await db.query(away, [people.jan]);
    const guarded = oneStatementAtATime(db); // a handle of its own, so nothing is cached yet
    const first = await decideRouting({ db: guarded }, input());
    assert.equal(first.rule, 'borough-colleague');
    assert.match(first.reasonNl, /Kees Visser .*\(0 open meldingen/);
    const before = guarded.statements;
    const second = await decideRouting({ db: guarded }, input());
    assert.equal(guarded.statements - before, 1, 'only the version check: the counts are seconds old');
    assert.match(
      second.reasonNl,
      /Kees Visser .*\(0 open meldingen/,
      'a decision alone counts nothing: its write may still fail',
    );
    countAssignment(guarded, 'GM0392', people.kees); // what intake does once the report is stored
    const third = await decideRouting({ db: guarded }, input());
    assert.match(third.reasonNl, /Kees Visser .*\(1 open meldingen/, 'the report this process just gave Kees counts');
    await db.query(`DELETE FROM absences WHERE kind = 'other'`);
  });

  it('sees an absence, an assignment and a rule changed through plain SQL at the next decision', async () => {
    assert.equal((await decideRouting({ db }, input())).assignee.id, people.fatima);

    await db.query(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'sick', '2026-11-29T00:00:00Z', '2026-12-05T00:00:00Z', now())`,
      [people.fatima],
    );
    const backup = await decideRouting({ db }, input());
    assert.deepEqual([backup.rule, backup.assignee.id], ['district-backup', people.jan]);

    await db.query(`UPDATE absences SET cancelled_at = now() WHERE officer_id = $1`, [people.fatima]);
    await db.query(
      `UPDATE district_assignments SET owner_id = $1, backup_id = NULL WHERE district_code = 'WK039206' AND valid_to IS NULL`,
      [people.kees],
    );
    const newOwner = await decideRouting({ db }, input());
    assert.deepEqual([newOwner.rule, newOwner.assignee.id], ['district-owner', people.kees]);

    await db.query(
      `INSERT INTO routing_rules (municipality_code, position, name, active, conditions, target_kind, target_id) VALUES ('GM0392', 1, 'jeugd', true, $1::jsonb, 'team', $2)`,
      [JSON.stringify({ categoryCodes: ['jongerenoverlast'] }), teamId],
    );
    const byRule = await decideRouting({ db }, input());
    assert.deepEqual([byRule.rule, byRule.assignee.id], ['rule:jeugd', teamId]);

    await db.query(`UPDATE routing_rules SET active = false`);
    assert.equal((await decideRouting({ db }, input())).rule, 'district-owner');
  });

  it('gives the same answer for the same data and moment, cached or not', async () => {
    const cached = await decideRouting({ db }, input());
    const fresh = await db.transaction((tx) => decideRouting({ db: tx }, input()));
    assert.deepEqual(cached, fresh);
    const earlier = input({ receivedAt: new Date('2026-11-02T09:00:00Z'), deadline: new Date('2026-11-05T16:00:00Z') });
    await db.query(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'training', '2026-11-01T00:00:00Z', '2026-11-10T00:00:00Z', now())`,
      [people.kees],
    );
    await decideRouting({ db }, input()); // caches without the absence that ended before 30 November
    const replayed = await decideRouting({ db }, earlier);
    assert.notEqual(replayed.assignee.id, people.kees, 'an earlier moment still sees the absence of that time');
  });
});
