/**
 * A small Haarlem world for the field-work, meetings, addresses and photos tests:
 * geography and categories from the shared reference data, and one staff user per role.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/db.ts';
import { seedHaarlemCategories } from '../../src/db/seed/haarlem-categories.ts';
import { seedHaarlemGeography } from '../../src/db/seed/haarlem-geography.ts';
import type { Role } from '../../src/domain/people/index.ts';
import { testConfig } from './app.ts';

export const HAARLEM_CODE = 'GM0392';
/** Grote Markt, Haarlem-Centrum (district WK039201). */
export const GROTE_MARKT = { type: 'Point' as const, coordinates: [4.6365, 52.3812] as [number, number] };
export const CENTRUM = 'WK039201';

export interface WorldUser {
  id: string;
  name: string;
  roles: Role[];
}

export interface World {
  officer: WorldUser;
  otherOfficer: WorldUser;
  coordinator: WorldUser;
  teamManager: WorldUser;
  analyst: WorldUser;
  contactCentre: WorldUser;
  partner: WorldUser;
  administrator: WorldUser;
  partnerTeamId: string;
}

export async function ensureHaarlem(db: Db): Promise<void> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM districts WHERE municipality_code = $1`,
    [HAARLEM_CODE],
  );
  if ((rows[0]?.n ?? 0) === 0) await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR);
  await seedHaarlemCategories({ db }, HAARLEM_CODE);
}

export async function insertStaff(
  db: Db,
  name: string,
  roles: Role[],
  options: { teamId?: string; workEnd?: string } = {},
): Promise<WorldUser> {
  const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${randomBytes(4).toString('hex')}@fieldwork.test`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (municipality_code, email, name, roles, team_id) VALUES ($1, $2, $3, $4::text[], $5) RETURNING id`,
    [HAARLEM_CODE, email, name, roles, options.teamId ?? null],
  );
  const id = rows[0]!.id;
  if (roles.includes('officer')) {
    await db.query(`INSERT INTO officers (user_id, work_end) VALUES ($1, COALESCE($2::time, '17:00'))`, [
      id,
      options.workEnd ?? null,
    ]);
  }
  return { id, name, roles };
}

export async function buildWorld(db: Db): Promise<World> {
  await ensureHaarlem(db);
  const team = await db.query<{ id: string }>(
    `INSERT INTO teams (municipality_code, code, name, kind) VALUES ($1, $2, 'Spaarnelanden', 'partner') RETURNING id`,
    [HAARLEM_CODE, `spaarnelanden-${randomBytes(3).toString('hex')}`],
  );
  const partnerTeamId = team.rows[0]!.id;
  const coordinator = await insertStaff(db, 'Coby Coordinator', ['coordinator']);
  await ensureCoordinatorQueue(db, coordinator.id);
  return {
    officer: await insertStaff(db, 'Fatima de Vries', ['officer']),
    otherOfficer: await insertStaff(db, 'Daan Jansen', ['officer']),
    coordinator,
    teamManager: await insertStaff(db, 'Tom Teammanager', ['team_manager']),
    analyst: await insertStaff(db, 'Anna Analist', ['analyst']),
    contactCentre: await insertStaff(db, 'Karin KCC', ['contact_centre']),
    partner: await insertStaff(db, 'Piet Partner', ['partner'], { teamId: partnerTeamId }),
    administrator: await insertStaff(db, 'Ad Beheer', ['administrator']),
    partnerTeamId,
  };
}

/** Routing needs a coordinator group's queue as its last stop; every borough not yet in a group joins this one. */
async function ensureCoordinatorQueue(db: Db, coordinatorId: string): Promise<void> {
  const group = await db.query<{ id: string }>(
    `INSERT INTO coordinator_groups (municipality_code, name, coordinator_id) VALUES ($1, $2, $3) RETURNING id`,
    [HAARLEM_CODE, `Field work test group ${randomBytes(3).toString('hex')}`, coordinatorId],
  );
  await db.query(
    `INSERT INTO coordinator_group_boroughs (group_id, borough_id)
     SELECT $1, b.id FROM boroughs b WHERE b.municipality_code = $2 ON CONFLICT DO NOTHING`,
    [group.rows[0]!.id, HAARLEM_CODE],
  );
}

export interface GuardedEndpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  payload?: object;
  headers?: Record<string, string>;
  allowed: Role[];
}

/**
 * Table-driven access check: every endpoint answers 401 without sign-in, 403 to each role not
 * allowed, and lets each allowed role past the role check (any status but 401/403).
 */
export async function assertRoleChecks(
  app: { inject: (options: object) => Promise<{ statusCode: number; body: string }> },
  db: Db,
  world: World,
  endpoints: GuardedEndpoint[],
): Promise<void> {
  const { bearerFor } = await import('./app.ts');
  const users: Record<Role, string> = {
    officer: world.officer.id,
    coordinator: world.coordinator.id,
    team_manager: world.teamManager.id,
    analyst: world.analyst.id,
    contact_centre: world.contactCentre.id,
    partner: world.partner.id,
    administrator: world.administrator.id,
  };
  for (const endpoint of endpoints) {
    const request = (auth: Record<string, string>) =>
      app.inject({
        method: endpoint.method,
        url: endpoint.url,
        headers: { ...endpoint.headers, ...auth },
        ...(endpoint.payload ? { payload: endpoint.payload } : {}),
      });
    const anonymous = await request({});
    if (anonymous.statusCode !== 401)
      throw new Error(`${endpoint.method} ${endpoint.url} without sign-in answered ${anonymous.statusCode}, not 401`);
    for (const [role, userId] of Object.entries(users) as Array<[Role, string]>) {
      const response = await request(await bearerFor(db, userId));
      const allowed = endpoint.allowed.includes(role);
      if (allowed && [401, 403].includes(response.statusCode))
        throw new Error(`${role} should pass ${endpoint.method} ${endpoint.url}: ${response.body}`);
      if (!allowed && response.statusCode !== 403)
        throw new Error(`${role} should get 403 on ${endpoint.method} ${endpoint.url}, got ${response.statusCode}`);
    }
  }
}
