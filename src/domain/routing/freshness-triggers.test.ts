/**
 * Freshness by construction: routing's cached data (with intake's categories) and the district locator
 * are reloaded only when a counter moves (migrations 0080, 0081, 0110). A table their loaders read
 * without a trigger that bumps the counter would leave every process deciding on stale data, silently.
 * So this reads the tables from the plans of the exact statements the loaders send, and asks pg_trigger.
 * Open-report counts are left out on purpose: they are re-read on a 5 s timer (open-report-counts.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db, Queryable } from '../../db/db.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { listIntakeCategories } from '../categories/index.ts';
import { getDistrictLocator } from '../geography/index.ts';
import { loadRoutingData } from './routing-data.ts';

interface Statement {
  sql: string;
  params: readonly unknown[];
}

/** A new handle (so no cache answers) that records every statement it passes on. */
function recording(db: Queryable): Queryable & { statements: Statement[] } {
  const statements: Statement[] = [];
  return {
    statements,
    query: (sql, params = []) => {
      statements.push({ sql, params });
      return db.query(sql, params);
    },
  };
}

function relationsIn(plan: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(plan)) for (const item of plan) relationsIn(item, into);
  else if (plan && typeof plan === 'object') {
    for (const [key, value] of Object.entries(plan)) {
      if (key === 'Relation Name' && typeof value === 'string') into.add(value);
      else relationsIn(value, into);
    }
  }
  return into;
}

/** Every table the statements read, from the planner, so a join added to a loader is found too. */
async function relationsRead(db: Queryable, statements: Statement[]): Promise<Set<string>> {
  const relations = new Set<string>();
  for (const { sql, params } of statements) {
    const { rows } = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
    const plan = rows[0]!['QUERY PLAN'];
    relationsIn(typeof plan === 'string' ? JSON.parse(plan) : plan, relations);
  }
  return relations;
}

// tgtype bits (pg_trigger.h): ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32, INSTEAD 64.
const EVERY_CHANGE = 4 | 8 | 16 | 32;

/** Tables among `relations` without an enabled AFTER … FOR EACH STATEMENT trigger on every change calling one of `functions`. */
async function withoutBumpTrigger(db: Queryable, relations: Set<string>, functions: string[]): Promise<string[]> {
  const { rows } = await db.query<{ relation: string }>(
    `SELECT c.relname AS relation
       FROM pg_trigger t
       JOIN pg_class c ON c.oid = t.tgrelid
       JOIN pg_proc p ON p.oid = t.tgfoid
      WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND p.proname = ANY($1::text[])
        AND t.tgtype & (1 | 2 | 64) = 0 AND t.tgtype & $2 = $2`,
    [functions, EVERY_CHANGE],
  );
  const covered = new Set(rows.map((r) => r.relation));
  return [...relations].filter((r) => r !== 'routing_data_version' && !covered.has(r)).sort();
}

const ROUTING_BUMPS = ['bump_routing_data_version', 'bump_geography_version'];
const GEOGRAPHY_BUMPS = ['bump_geography_version'];

/** What the loaders read, and which of those tables lack their trigger. */
async function checkLoaders(db: Queryable) {
  const routing = recording(db);
  assert.ok(await loadRoutingData(routing, 'GM0392', { absencesFrom: new Date('2026-11-30T09:00:00Z') }));
  await listIntakeCategories(routing, 'GM0392');
  const locator = recording(db);
  assert.equal((await getDistrictLocator(locator)).districtCount, 21);
  const routingTables = await relationsRead(db, routing.statements);
  const locatorTables = await relationsRead(db, locator.statements);
  return {
    routingTables,
    locatorTables,
    routingMissing: await withoutBumpTrigger(db, routingTables, ROUTING_BUMPS),
    locatorMissing: await withoutBumpTrigger(db, locatorTables, GEOGRAPHY_BUMPS),
  };
}

describe('freshness by construction: every table routing or the district locator reads bumps its counter', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
  });
  after(() => db.close());

  it('finds a bump trigger on every table the routing, category and locator loaders read', async () => {
    const found = await checkLoaders(db);
    // The plans really were read: the tables named in ARCHITECTURE.md are among them.
    for (const table of ['districts', 'officers', 'absences', 'district_assignments', 'routing_rules', 'categories'])
      assert.ok(found.routingTables.has(table), `routing loader reads ${table}`);
    assert.deepEqual([...found.locatorTables].sort(), [
      'boroughs',
      'districts',
      'neighbourhoods',
      'routing_data_version',
    ]);
    assert.deepEqual(found.routingMissing, [], 'tables routing reads without a routing_data_version trigger');
    assert.deepEqual(found.locatorMissing, [], 'tables the locator reads without a geography_version trigger');
  });

  it('names the table when one trigger is dropped (checked inside a transaction that is rolled back)', async () => {
    const rolledBack = new Error('roll back');
    const seen: Awaited<ReturnType<typeof checkLoaders>>[] = [];
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('DROP TRIGGER neighbourhoods_geography_version ON neighbourhoods');
        await tx.query('DROP TRIGGER absences_routing_data_version ON absences');
        seen.push(await checkLoaders(tx));
        throw rolledBack;
      }),
      (error) => error === rolledBack,
    );
    assert.deepEqual(seen[0]!.locatorMissing, ['neighbourhoods']);
    assert.deepEqual(seen[0]!.routingMissing, ['absences']);
    assert.deepEqual((await checkLoaders(db)).locatorMissing, [], 'the rollback restored the trigger');
  });
});
