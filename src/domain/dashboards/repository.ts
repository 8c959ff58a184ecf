import type { Queryable } from '../../db/db.ts';

const OPEN = "status NOT IN ('resolved', 'cancelled')";

export interface OfficerRow {
  id: string;
  name: string;
  working_today: boolean;
  district_day_today: boolean;
  absence_kind: 'sick' | 'leave' | 'training' | 'other' | null;
  absence_ends_at: Date | null;
  open_reports: number;
  overdue_reports: number;
}

/** Active officers with today's schedule (municipal time zone), the absence running now and their open reports. */
export async function officerRows(db: Queryable, municipalityCode: string, now: Date): Promise<OfficerRow[]> {
  const { rows } = await db.query<OfficerRow>(
    `WITH today AS (
       SELECT EXTRACT(ISODOW FROM ($2::timestamptz AT TIME ZONE m.timezone))::int AS weekday FROM municipalities m WHERE m.code = $1
     )
     SELECT u.id, u.name,
            (SELECT weekday FROM today) = ANY (o.working_weekdays::int[]) AS working_today,
            (SELECT weekday FROM today) = ANY (o.district_weekdays::int[]) AS district_day_today,
            a.kind AS absence_kind, a.ends_at AS absence_ends_at,
            COALESCE(r.open_reports, 0) AS open_reports, COALESCE(r.overdue_reports, 0) AS overdue_reports
       FROM users u
       JOIN officers o ON o.user_id = u.id
       LEFT JOIN LATERAL (
         SELECT kind, ends_at FROM absences
          WHERE officer_id = u.id AND cancelled_at IS NULL AND starts_at <= $2 AND ends_at > $2
          ORDER BY ends_at DESC LIMIT 1
       ) a ON true
       LEFT JOIN LATERAL (
         SELECT count(*)::int AS open_reports, (count(*) FILTER (WHERE deadline < $2))::int AS overdue_reports
           FROM reports WHERE assignee_kind = 'officer' AND assignee_id = u.id AND ${OPEN}
       ) r ON true
      WHERE u.municipality_code = $1 AND u.active AND 'officer' = ANY (u.roles)
      ORDER BY u.name, u.id`,
    [municipalityCode, now],
  );
  return rows;
}

export interface DistrictRow {
  code: string;
  name: string;
  borough_code: string | null;
  borough_name: string | null;
  owner_id: string | null;
  owner_name: string | null;
  backup_id: string | null;
  backup_name: string | null;
  open_reports: number;
  overdue_reports: number;
}

/** Every district with its current owner and backup and the open reports filed in it, whoever holds them. */
export async function districtRows(db: Queryable, municipalityCode: string, now: Date): Promise<DistrictRow[]> {
  const { rows } = await db.query<DistrictRow>(
    `SELECT d.code, d.name, b.code AS borough_code, b.name AS borough_name,
            da.owner_id, ou.name AS owner_name, da.backup_id, bu.name AS backup_name,
            COALESCE(r.open_reports, 0) AS open_reports, COALESCE(r.overdue_reports, 0) AS overdue_reports
       FROM districts d
       LEFT JOIN boroughs b ON b.id = d.borough_id
       LEFT JOIN district_assignments da ON da.district_code = d.code AND da.valid_to IS NULL
       LEFT JOIN users ou ON ou.id = da.owner_id
       LEFT JOIN users bu ON bu.id = da.backup_id
       LEFT JOIN (
         SELECT district_code, count(*)::int AS open_reports, (count(*) FILTER (WHERE deadline < $2))::int AS overdue_reports
           FROM reports WHERE municipality_code = $1 AND ${OPEN} GROUP BY district_code
       ) r ON r.district_code = d.code
      WHERE d.municipality_code = $1
      ORDER BY d.code`,
    [municipalityCode, now],
  );
  return rows;
}

export interface OtherAssigneeRow {
  kind: 'team' | 'partner' | 'queue';
  id: string;
  name: string;
  open_reports: number;
  overdue_reports: number;
}

/** Open reports held by teams, partner organisations and coordinator queues rather than by an officer. */
export async function otherAssigneeRows(
  db: Queryable,
  municipalityCode: string,
  now: Date,
): Promise<OtherAssigneeRow[]> {
  const { rows } = await db.query<OtherAssigneeRow>(
    `SELECT r.assignee_kind AS kind, r.assignee_id AS id, COALESCE(t.name, g.name, '?') AS name,
            count(*)::int AS open_reports, (count(*) FILTER (WHERE r.deadline < $2))::int AS overdue_reports
       FROM reports r
       LEFT JOIN teams t ON r.assignee_kind IN ('team', 'partner') AND t.id = r.assignee_id
       LEFT JOIN coordinator_groups g ON r.assignee_kind = 'queue' AND g.id = r.assignee_id
      WHERE r.municipality_code = $1 AND r.assignee_kind <> 'officer' AND r.${OPEN}
      GROUP BY r.assignee_kind, r.assignee_id, t.name, g.name
      ORDER BY 3, 2`,
    [municipalityCode, now],
  );
  return rows;
}

export async function todayDate(db: Queryable, municipalityCode: string, now: Date): Promise<string> {
  const { rows } = await db.query<{ day: string }>(
    `SELECT to_char($2::timestamptz AT TIME ZONE timezone, 'YYYY-MM-DD') AS day FROM municipalities WHERE code = $1`,
    [municipalityCode, now],
  );
  return rows[0]?.day ?? now.toISOString().slice(0, 10);
}

export async function mainCategories(db: Queryable, municipalityCode: string) {
  const { rows } = await db.query<{ code: string; name_nl: string; name_en: string }>(
    'SELECT code, name_nl, name_en FROM categories WHERE municipality_code = $1 AND parent_id IS NULL ORDER BY sort_order, code',
    [municipalityCode],
  );
  return rows.map((row) => ({ code: row.code, nameNl: row.name_nl, nameEn: row.name_en }));
}

export async function boroughList(db: Queryable, municipalityCode: string) {
  const { rows } = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM boroughs WHERE municipality_code = $1 ORDER BY name',
    [municipalityCode],
  );
  return rows;
}

const weekOfCreation = "to_char(date_trunc('week', r.created_at AT TIME ZONE m.timezone), 'YYYY-MM-DD')";

export async function reportsPerWeek(db: Queryable, municipalityCode: string, from: Date, to: Date) {
  const { rows } = await db.query<{
    week_start: string;
    category_code: string;
    borough_code: string | null;
    reports: number;
  }>(
    `SELECT ${weekOfCreation} AS week_start, COALESCE(p.code, c.code) AS category_code, b.code AS borough_code, count(*)::int AS reports
       FROM reports r
       JOIN municipalities m ON m.code = r.municipality_code
       JOIN categories c ON c.id = r.category_id
       LEFT JOIN categories p ON p.id = c.parent_id
       JOIN districts d ON d.code = r.district_code
       LEFT JOIN boroughs b ON b.id = d.borough_id
      WHERE r.municipality_code = $1 AND r.created_at >= $2 AND r.created_at < $3
      GROUP BY 1, 2, 3
      ORDER BY 1, 2, 3`,
    [municipalityCode, from, to],
  );
  return rows.map((row) => ({
    weekStartDate: row.week_start,
    categoryCode: row.category_code,
    boroughCode: row.borough_code,
    reports: row.reports,
  }));
}

/**
 * Cancelled reports are left out: nobody handled them. A report counts as due once it is resolved
 * or its deadline has passed (`now`); it was handled in time when it closed by its deadline.
 */
export async function deadlinePerWeek(db: Queryable, municipalityCode: string, from: Date, to: Date, now: Date) {
  const { rows } = await db.query<{ week_start: string; borough_code: string | null; due: number; within: number }>(
    `SELECT ${weekOfCreation} AS week_start, b.code AS borough_code,
            count(*)::int AS due,
            (count(*) FILTER (WHERE r.status = 'resolved' AND r.closed_at <= r.deadline))::int AS within
       FROM reports r
       JOIN municipalities m ON m.code = r.municipality_code
       JOIN districts d ON d.code = r.district_code
       LEFT JOIN boroughs b ON b.id = d.borough_id
      WHERE r.municipality_code = $1 AND r.created_at >= $2 AND r.created_at < $3
        AND r.status <> 'cancelled' AND (r.status = 'resolved' OR r.deadline < $4)
      GROUP BY 1, 2
      ORDER BY 1, 2`,
    [municipalityCode, from, to, now],
  );
  return rows.map((row) => ({
    weekStartDate: row.week_start,
    boroughCode: row.borough_code,
    due: row.due,
    handledWithinDeadline: row.within,
  }));
}
