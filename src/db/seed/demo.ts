/**
 * The Haarlem demo: real CBS geography from the shared data folder, the default category tree,
 * an invented team, and the routing rules. Each part is data in this folder, loaded through its area's
 * import use case; this only composes them.
 */
import { join, resolve } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../db.ts';
import { seedHaarlemGeography } from './haarlem-geography.ts';
import { seedHaarlemCategories } from './haarlem-categories.ts';
import { seedHaarlemTeam, type DemoLogin } from './haarlem-team.ts';
import { seedHaarlemRoutingRules } from './haarlem-routing-rules.ts';
import { registerOpen311Client } from '../../domain/open311/index.ts';
import { systemClock } from '../../shared/clock.ts';

/** The demo's Open311 client and its published key (demo only, like the demo password). */
export const DEMO_OPEN311_CLIENT = { name: 'demo', key: 'wijkpost-demo-open311' } as const;

export type { DemoLogin } from './haarlem-team.ts';

export interface DemoSummary {
  seeded: boolean;
  logins: DemoLogin[];
  open311Client: { name: string; key: string };
}

export async function hasAnyMunicipality(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM municipalities');
  return (rows[0]?.n ?? 0) > 0;
}

/** Re-importing unchanged geography is the slow part of a repeated seed: skip it when every district is there. */
async function hasHaarlemGeography(db: Db, sharedDataDir: string): Promise<boolean> {
  const file = JSON.parse(readFileSync(join(sharedDataDir, 'haarlem', 'wijken-2024.rd.geojson'), 'utf8')) as {
    features?: unknown[];
  };
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM districts WHERE municipality_code = 'GM0392'`,
  );
  const stored = rows[0]?.n ?? 0;
  return stored > 0 && stored === (file.features?.length ?? -1);
}

export async function seedDemo(
  db: Db,
  options: { sharedDataDir: string; password: string; onStep?: (step: string) => void },
): Promise<DemoSummary> {
  const sharedDataDir = resolve(options.sharedDataDir);
  if (!existsSync(join(sharedDataDir, 'haarlem'))) {
    throw new Error(`Haarlem reference data not found in ${sharedDataDir}/haarlem (set SHARED_DATA_DIR).`);
  }
  const step = options.onStep ?? (() => undefined);
  step('geography: Haarlem (21 districts, 111 neighbourhoods, 5 boroughs)');
  if (!(await hasHaarlemGeography(db, sharedDataDir))) await seedHaarlemGeography({ db }, sharedDataDir);
  step('categories');
  await seedHaarlemCategories({ db });
  step('demo team');
  const { logins } = await seedHaarlemTeam({ db }, { password: options.password });
  step('routing rules');
  await seedHaarlemRoutingRules({ db });
  step('Open311 client');
  await registerOpen311Client({ db, clock: systemClock }, DEMO_OPEN311_CLIENT);
  return { seeded: true, logins, open311Client: DEMO_OPEN311_CLIENT };
}
