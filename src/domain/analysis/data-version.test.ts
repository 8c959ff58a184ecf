/**
 * The analysis data version (migration 0130) moves with every statement that changes what the analysis
 * counts (a report or observation added, removed, or moved in place, time, category or district), also
 * when plain SQL or another process makes the change, and not with a status change or an assignment.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { dataVersion } from './repository-events.ts';
import { HAARLEM, innerCell, insertObservations, insertReports, userIds } from './test-data.ts';

const OUDE_STAD = 'WK039201';
const OTHER = 'GM0363';

describe('analysis data version', () => {
  let db: Db;
  let place: { x: number; y: number };
  let officerId: string;

  before(async () => {
    db = await openTestDb();
    place = (await innerCell(db, OUDE_STAD, 125)).centre;
    officerId = (await userIds(db)).get('sanne.bakker@haarlem.example')!;
    await db.query(`INSERT INTO municipalities (code, name, slug) VALUES ($1, 'Amsterdam', 'amsterdam')`, [OTHER]);
  });
  after(() => db.close());

  /** Runs the change and says whether Haarlem's version moved, and whether the other municipality's did. */
  async function moves(change: () => Promise<unknown>): Promise<{ haarlem: boolean; other: boolean }> {
    const before = [await dataVersion(db, HAARLEM), await dataVersion(db, OTHER)];
    await change();
    return {
      haarlem: (await dataVersion(db, HAARLEM)) !== before[0],
      other: (await dataVersion(db, OTHER)) !== before[1],
    };
  }

  const report = (at = '2026-11-20T10:00:00+01:00') =>
    insertReports(db, [{ at, place, category: 'hondenpoep', district: OUDE_STAD }]);

  it('moves when a report is added, for its own municipality only', async () => {
    assert.deepEqual(await moves(() => report()), { haarlem: true, other: false });
  });

  it('moves once for a statement that adds many reports', async () => {
    const [id] = await report();
    const start = Number(await dataVersion(db, HAARLEM));
    await db.query(
      `INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location, district_code,
                            status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl,
                            routing_reason_en, created_at, updated_at)
       SELECT municipality_code, tracking_code || '-' || n, category_id, description, source, location, district_code,
              status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl, routing_reason_en,
              created_at, updated_at
         FROM reports, generate_series(1, 3) n WHERE id = $1`,
      [id],
    );
    assert.equal(Number(await dataVersion(db, HAARLEM)), start + 1);
  });

  it('moves when an observation is added', async () => {
    const change = () =>
      insertObservations(db, officerId, [
        { at: '2026-11-20T11:00:00+01:00', place, category: 'hondenpoep', district: OUDE_STAD },
      ]);
    assert.deepEqual(await moves(change), { haarlem: true, other: false });
  });

  it('moves when a report is moved in place, time or category, and when one is removed', async () => {
    const [id] = await report();
    assert.equal(
      (await moves(() => db.query('UPDATE reports SET location = ST_Translate(location, 50, 0) WHERE id = $1', [id])))
        .haarlem,
      true,
    );
    assert.equal(
      (await moves(() => db.query(`UPDATE reports SET created_at = created_at - interval '1 day' WHERE id = $1`, [id])))
        .haarlem,
      true,
    );
    const litter = await db.query<{ id: string }>(
      `SELECT id FROM categories WHERE municipality_code = $1 AND code = 'veeg-zwerfvuil'`,
      [HAARLEM],
    );
    assert.equal(
      (await moves(() => db.query('UPDATE reports SET category_id = $2 WHERE id = $1', [id, litter.rows[0]!.id])))
        .haarlem,
      true,
    );
    assert.equal(
      (
        await moves(() =>
          db
            .query('DELETE FROM photos WHERE report_id = $1', [id])
            .then(() => db.query('DELETE FROM report_history WHERE report_id = $1', [id]))
            .then(() => db.query('DELETE FROM reports WHERE id = $1', [id])),
        )
      ).haarlem,
      true,
    );
  });

  it('stays when a report only changes status or assignee, or is updated to the same place', async () => {
    const [id] = await report();
    assert.equal(
      (
        await moves(() =>
          db.query(`UPDATE reports SET status = 'in_progress', version = version + 1 WHERE id = $1`, [id]),
        )
      ).haarlem,
      false,
    );
    assert.equal(
      (await moves(() => db.query(`UPDATE reports SET assignee_kind = 'queue' WHERE id = $1`, [id]))).haarlem,
      false,
    );
    assert.equal(
      (await moves(() => db.query('UPDATE reports SET location = location WHERE id = $1', [id]))).haarlem,
      false,
    );
  });
});
