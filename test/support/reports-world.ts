/**
 * The Haarlem world for the reports tests: real CBS geography from the shared data, the default
 * category tree and the demo team (17 district officers, coordinators, one login per role).
 */
import type { Db } from '../../src/db/db.ts';
import { testConfig } from './app.ts';
import { seedHaarlemCategories } from '../../src/db/seed/haarlem-categories.ts';
import { seedHaarlemGeography } from '../../src/db/seed/haarlem-geography.ts';
import { seedHaarlemTeam } from '../../src/db/seed/haarlem-team.ts';
import { toCrs84 } from '../../src/domain/geography/index.ts';

export const HAARLEM = 'GM0392';
/** Grote Markt, in WK039201 Oude Stad (borough Centrum); district officer Sanne Bakker (district days Monday and Wednesday). */
export const GROTE_MARKT = { type: 'Point' as const, coordinates: [4.6365, 52.3812] as [number, number] };
/** A field in Heemskerk, well outside Haarlem but inside the Netherlands. */
export const OUTSIDE_HAARLEM = { type: 'Point' as const, coordinates: [4.669, 52.51] as [number, number] };
/** Tuesday 24 November 2026, 09:00 in Haarlem. */
export const TEST_NOW = '2026-11-24T09:00:00+01:00';

export interface ReportsWorld {
  userId(email: string): string;
  teamId(code: string): string;
  groupId(name: string): string;
}

export async function buildReportsWorld(db: Db): Promise<ReportsWorld> {
  await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR);
  await seedHaarlemCategories({ db }, HAARLEM);
  await seedHaarlemTeam({ db }, { password: 'reports-test-password' });
  const users = new Map(
    (await db.query<{ id: string; email: string }>('SELECT id, email FROM users')).rows.map((r) => [r.email, r.id]),
  );
  const teams = new Map(
    (await db.query<{ id: string; code: string }>('SELECT id, code FROM teams')).rows.map((r) => [r.code, r.id]),
  );
  const groups = new Map(
    (await db.query<{ id: string; name: string }>('SELECT id, name FROM coordinator_groups')).rows.map((r) => [
      r.name,
      r.id,
    ]),
  );
  const get = (map: Map<string, string>, key: string) => {
    const value = map.get(key);
    if (!value) throw new Error(`test world has no ${key}`);
    return value;
  };
  return {
    userId: (email) => get(users, email),
    teamId: (code) => get(teams, code),
    groupId: (name) => get(groups, name),
  };
}

export const emails = {
  centrumOfficer: 'sanne.bakker@haarlem.example',
  oostOfficer: 'fatima.devries@haarlem.example',
  coordinator: 'coordinator.oost@haarlem.example',
  teamManager: 'teammanager@haarlem.example',
  analyst: 'analist@haarlem.example',
  contactCentre: 'kcc@haarlem.example',
  partner: 'spaarnelanden@partner.example',
  administrator: 'admin@haarlem.example',
} as const;

/** A CRS84 point inside the district (PostGIS point-on-surface). */
export async function pointInDistrict(
  db: Db,
  districtCode: string,
): Promise<{ type: 'Point'; coordinates: [number, number] }> {
  const { rows } = await db.query<{ x: number; y: number }>(
    'SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM districts WHERE code = $1',
    [districtCode],
  );
  const row = rows[0];
  if (!row) throw new Error(`no district ${districtCode}`);
  return { type: 'Point', coordinates: toCrs84(row.x, row.y) };
}
