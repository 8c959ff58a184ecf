import type { Queryable } from '../../db/db.ts';
import { closedStatuses, type ReportStatus } from '../reports/index.ts';
import type { Open311Client } from './schemas.ts';

/** SQL of the Open311 area: API clients, jurisdictions and the public read of service requests. */

interface ClientRow {
  id: string;
  name: string;
  created_at: Date;
  revoked_at: Date | null;
}
const toClient = (row: ClientRow): Open311Client => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** Adds the client unless its name is taken; null when it is. */
export async function insertClient(
  db: Queryable,
  client: { name: string; keyHash: string; createdAt: Date },
): Promise<Open311Client | null> {
  const { rows } = await db.query<ClientRow>(
    `INSERT INTO open311_clients (name, key_hash, created_at) VALUES ($1, $2, $3)
     ON CONFLICT DO NOTHING RETURNING id, name, created_at, revoked_at`,
    [client.name, client.keyHash, client.createdAt],
  );
  return rows[0] ? toClient(rows[0]) : null;
}

export async function findClientByKeyHash(db: Queryable, keyHash: string): Promise<Open311Client | null> {
  const { rows } = await db.query<ClientRow>(
    'SELECT id, name, created_at, revoked_at FROM open311_clients WHERE key_hash = $1',
    [keyHash],
  );
  return rows[0] ? toClient(rows[0]) : null;
}

export async function listClients(db: Queryable): Promise<Open311Client[]> {
  const { rows } = await db.query<ClientRow>(
    'SELECT id, name, created_at, revoked_at FROM open311_clients ORDER BY name',
  );
  return rows.map(toClient);
}

/** Marks the client revoked (once); returns the client, or null when there is none by that name. */
export async function markClientRevoked(db: Queryable, name: string, at: Date): Promise<Open311Client | null> {
  const { rows } = await db.query<ClientRow>(
    `UPDATE open311_clients SET revoked_at = COALESCE(revoked_at, $2) WHERE name = $1
     RETURNING id, name, created_at, revoked_at`,
    [name, at],
  );
  return rows[0] ? toClient(rows[0]) : null;
}

export interface JurisdictionRow {
  code: string;
  name: string;
  jurisdictionId: string | null;
  timeZone: string;
}

export async function listJurisdictions(db: Queryable): Promise<JurisdictionRow[]> {
  const { rows } = await db.query<JurisdictionRow>(
    `SELECT code, name, jurisdiction_id AS "jurisdictionId", timezone AS "timeZone" FROM municipalities ORDER BY code`,
  );
  return rows;
}

export async function findPublicId(db: Queryable, reportId: string): Promise<string | null> {
  const { rows } = await db.query<{ public_id: string }>('SELECT public_id FROM reports WHERE id = $1', [reportId]);
  return rows[0]?.public_id ?? null;
}

export interface ServiceRequestRow {
  public_id: string;
  status: ReportStatus;
  service_code: string;
  service_name: string;
  created_at: Date;
  updated_at: Date;
  deadline: Date;
  grid_x: number;
  grid_y: number;
  team_name: string | null;
  group_name: string | null;
}

export interface ServiceRequestFilter {
  municipalityCode: string;
  grid: number;
  /** Public ids; when given, the other filters are not applied. */
  publicIds?: string[];
  serviceCodes?: string[];
  from?: Date;
  to?: Date;
  closed?: boolean;
  limit: number;
}

/**
 * Reports of public categories (themselves and their main category), newest first, with the place snapped
 * to the grid in SQL and the holder as a team or group name. The holder of an officer's report is their
 * team when they have one, else the coordinator group of the report's borough.
 */
export async function selectServiceRequests(db: Queryable, filter: ServiceRequestFilter): Promise<ServiceRequestRow[]> {
  const byIds = filter.publicIds !== undefined;
  const { rows } = await db.query<ServiceRequestRow>(
    `SELECT r.public_id, r.status, c.code AS service_code, c.name_nl AS service_name, r.created_at, r.updated_at,
            r.deadline, ST_X(ST_SnapToGrid(r.location, $2::float8)) AS grid_x, ST_Y(ST_SnapToGrid(r.location, $2::float8)) AS grid_y,
            CASE WHEN r.assignee_kind IN ('team', 'partner') THEN assignee_team.name
                 WHEN r.assignee_kind = 'officer' THEN officer_team.name END AS team_name,
            CASE WHEN r.assignee_kind = 'queue' THEN queue_group.name ELSE district_group.name END AS group_name
       FROM reports r
       JOIN categories c ON c.id = r.category_id
       JOIN categories parent ON parent.id = c.parent_id
       JOIN districts d ON d.code = r.district_code
       LEFT JOIN coordinator_group_boroughs gb ON gb.borough_id = d.borough_id
       LEFT JOIN coordinator_groups district_group ON district_group.id = gb.group_id
       LEFT JOIN teams assignee_team ON assignee_team.id = r.assignee_id AND r.assignee_kind IN ('team', 'partner')
       LEFT JOIN users officer ON officer.id = r.assignee_id AND r.assignee_kind = 'officer'
       LEFT JOIN teams officer_team ON officer_team.id = officer.team_id
       LEFT JOIN coordinator_groups queue_group ON queue_group.id = r.assignee_id AND r.assignee_kind = 'queue'
      WHERE r.municipality_code = $1 AND c.public AND parent.public
        AND ($3::uuid[] IS NULL OR r.public_id = ANY($3::uuid[]))
        AND ($4::text[] IS NULL OR c.code = ANY($4::text[]))
        AND ($5::timestamptz IS NULL OR r.created_at >= $5::timestamptz)
        AND ($6::timestamptz IS NULL OR r.created_at <= $6::timestamptz)
        AND ($7::boolean IS NULL OR (r.status = ANY($8::text[])) = $7::boolean)
      ORDER BY r.created_at DESC, r.public_id
      LIMIT $9::int`,
    [
      filter.municipalityCode,
      filter.grid,
      filter.publicIds ?? null,
      byIds ? null : (filter.serviceCodes ?? null),
      byIds ? null : (filter.from ?? null),
      byIds ? null : (filter.to ?? null),
      byIds ? null : (filter.closed ?? null),
      [...closedStatuses],
      filter.limit,
    ],
  );
  return rows.map((row) => ({ ...row, grid_x: Number(row.grid_x), grid_y: Number(row.grid_y) }));
}
