import type { Queryable } from '../../db/db.ts';
import type { Meeting, PublicMeeting } from './schemas.ts';

interface MeetingRow {
  id: string;
  district_code: string;
  starts_at: Date;
  title: string;
  location_text: string | null;
  officer_id: string | null;
  officer_name: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const selectMeetings = `
  SELECT dm.id, dm.district_code, dm.starts_at, dm.title, dm.location_text, dm.officer_id, u.name AS officer_name,
         dm.created_by, dm.created_at, dm.updated_at
    FROM district_meetings dm LEFT JOIN users u ON u.id = dm.officer_id`;

const toMeeting = (row: MeetingRow): Meeting => ({
  id: row.id,
  districtCode: row.district_code,
  startsAt: new Date(row.starts_at).toISOString(),
  title: row.title,
  locationText: row.location_text,
  officer: row.officer_id ? { id: row.officer_id, name: row.officer_name ?? '' } : null,
  createdBy: row.created_by,
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function districtMunicipality(db: Queryable, districtCode: string): Promise<string | null> {
  const { rows } = await db.query<{ municipality_code: string }>(
    'SELECT municipality_code FROM districts WHERE code = $1',
    [districtCode],
  );
  return rows[0]?.municipality_code ?? null;
}

/** Who looks after a district now: its owner and backup, and the coordinator of the group its borough is in. */
export async function districtStewards(
  db: Queryable,
  districtCode: string,
): Promise<{ ownerId: string | null; backupId: string | null; coordinatorId: string | null }> {
  const { rows } = await db.query<{ owner_id: string | null; backup_id: string | null; coordinator_id: string | null }>(
    `SELECT a.owner_id, a.backup_id, g.coordinator_id
       FROM districts d
       LEFT JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
       LEFT JOIN coordinator_group_boroughs gb ON gb.borough_id = d.borough_id
       LEFT JOIN coordinator_groups g ON g.id = gb.group_id
      WHERE d.code = $1`,
    [districtCode],
  );
  const row = rows[0];
  return {
    ownerId: row?.owner_id ?? null,
    backupId: row?.backup_id ?? null,
    coordinatorId: row?.coordinator_id ?? null,
  };
}

export interface MeetingFields {
  districtCode: string;
  startsAt: Date;
  title: string;
  locationText: string | null;
  officerId: string | null;
}

export async function insertMeeting(
  db: Queryable,
  m: MeetingFields & { municipalityCode: string; createdBy: string; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO district_meetings (municipality_code, district_code, starts_at, title, location_text, officer_id, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [m.municipalityCode, m.districtCode, m.startsAt, m.title, m.locationText, m.officerId, m.createdBy, m.at],
  );
  return rows[0]!.id;
}

export async function findMeeting(db: Queryable, municipalityCode: string, id: string): Promise<Meeting | null> {
  const { rows } = await db.query<MeetingRow>(`${selectMeetings} WHERE dm.id = $1 AND dm.municipality_code = $2`, [
    id,
    municipalityCode,
  ]);
  return rows[0] ? toMeeting(rows[0]) : null;
}

export async function updateMeetingRow(db: Queryable, id: string, m: MeetingFields, at: Date): Promise<void> {
  await db.query(
    `UPDATE district_meetings SET district_code = $2, starts_at = $3, title = $4, location_text = $5, officer_id = $6, updated_at = $7 WHERE id = $1`,
    [id, m.districtCode, m.startsAt, m.title, m.locationText, m.officerId, at],
  );
}

export async function deleteMeetingRow(db: Queryable, municipalityCode: string, id: string): Promise<boolean> {
  const result = await db.query('DELETE FROM district_meetings WHERE id = $1 AND municipality_code = $2', [
    id,
    municipalityCode,
  ]);
  return result.rowCount > 0;
}

export async function listMeetingRows(
  db: Queryable,
  f: { municipalityCode: string; districtCode?: string | undefined; from: Date; to: Date | null; limit: number },
): Promise<Meeting[]> {
  const { rows } = await db.query<MeetingRow>(
    `${selectMeetings}
      WHERE dm.municipality_code = $1 AND ($2::text IS NULL OR dm.district_code = $2)
        AND dm.starts_at >= $3 AND ($4::timestamptz IS NULL OR dm.starts_at < $4)
      ORDER BY dm.starts_at, dm.id LIMIT $5`,
    [f.municipalityCode, f.districtCode ?? null, f.from, f.to, f.limit],
  );
  return rows.map(toMeeting);
}

export async function upcomingPublicMeetings(
  db: Queryable,
  districtCode: string,
  now: Date,
  limit: number,
): Promise<PublicMeeting[]> {
  const { rows } = await db.query<MeetingRow>(
    `${selectMeetings} WHERE dm.district_code = $1 AND dm.starts_at >= $2 ORDER BY dm.starts_at, dm.id LIMIT $3`,
    [districtCode, now, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    startsAt: new Date(row.starts_at).toISOString(),
    title: row.title,
    locationText: row.location_text,
    officerName: row.officer_name,
  }));
}

/** Meetings per district that start in [from, to). */
export async function countMeetingsPerDistrict(
  db: Queryable,
  municipalityCode: string,
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ district_code: string; n: number }>(
    `SELECT district_code, count(*)::int AS n FROM district_meetings
      WHERE municipality_code = $1 AND starts_at >= $2 AND starts_at < $3 GROUP BY district_code`,
    [municipalityCode, from, to],
  );
  return new Map(rows.map((r) => [r.district_code, r.n]));
}
