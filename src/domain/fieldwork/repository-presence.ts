import type { Queryable } from '../../db/db.ts';
import type { Round } from './schemas.ts';

/** Longest a round ever counts: longer means the officer forgot to stop it. */
export const MAX_ROUND_HOURS = 8;

/**
 * Where a round stops counting, as SQL over presence_rounds r, officers o (left-joined) and
 * municipalities m, with $1 = now:
 * - a stopped round counts until its stop, but at most MAX_ROUND_HOURS;
 * - a round left open, or closed only because the officer started the next one, counts until
 *   the earliest of: now (or the next start), the officer's work end on the local day the
 *   round started (when that lies after the start), and start + MAX_ROUND_HOURS.
 */
const workEndOnStartDay = `((r.started_at AT TIME ZONE m.timezone)::date + o.work_end) AT TIME ZONE m.timezone`;
export const countedUntilSql = `GREATEST(r.started_at, LEAST(
    COALESCE(r.ended_at, $1::timestamptz),
    r.started_at + interval '${MAX_ROUND_HOURS} hours',
    CASE WHEN r.ended_reason IS DISTINCT FROM 'stopped' AND ${workEndOnStartDay} > r.started_at THEN ${workEndOnStartDay} END))`;

const roundsFrom = `
    FROM presence_rounds r
    JOIN municipalities m ON m.code = r.municipality_code
    JOIN users u ON u.id = r.officer_id
    LEFT JOIN officers o ON o.user_id = r.officer_id`;

interface RoundRow {
  id: string;
  officer_id: string;
  officer_name: string;
  district_code: string;
  started_at: Date;
  ended_at: Date | null;
  ended_reason: Round['endedReason'];
  counted_until: Date;
}

const selectRounds = `
  SELECT r.id, r.officer_id, u.name AS officer_name, r.district_code, r.started_at, r.ended_at, r.ended_reason,
         ${countedUntilSql} AS counted_until
  ${roundsFrom}`;

function toRound(row: RoundRow, now: Date): Round {
  const started = new Date(row.started_at);
  const countedUntil = new Date(row.counted_until);
  const ranUntil = row.ended_at ? new Date(row.ended_at) : now;
  return {
    id: row.id,
    officerId: row.officer_id,
    officerName: row.officer_name,
    districtCode: row.district_code,
    startedAt: started.toISOString(),
    endedAt: row.ended_at ? new Date(row.ended_at).toISOString() : null,
    endedReason: row.ended_reason,
    countedUntil: countedUntil.toISOString(),
    countedHours: Math.round((countedUntil.getTime() - started.getTime()) / 36_000) / 100,
    capped: countedUntil.getTime() < ranUntil.getTime(),
  };
}

export async function findRound(db: Queryable, id: string, now: Date): Promise<Round | null> {
  const { rows } = await db.query<RoundRow>(`${selectRounds} WHERE r.id = $2`, [now, id]);
  return rows[0] ? toRound(rows[0], now) : null;
}

export async function findOpenRound(db: Queryable, officerId: string, now: Date): Promise<Round | null> {
  const { rows } = await db.query<RoundRow>(`${selectRounds} WHERE r.officer_id = $2 AND r.ended_at IS NULL`, [
    now,
    officerId,
  ]);
  return rows[0] ? toRound(rows[0], now) : null;
}

/** Closes the officer's open round, if any, and returns its id. */
export async function closeOpenRound(
  db: Queryable,
  officerId: string,
  at: Date,
  reason: 'stopped' | 'next_round_started',
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE presence_rounds SET ended_at = GREATEST(started_at, $2::timestamptz), ended_reason = $3
      WHERE officer_id = $1 AND ended_at IS NULL RETURNING id`,
    [officerId, at, reason],
  );
  return rows[0]?.id ?? null;
}

export async function insertRound(
  db: Queryable,
  r: { municipalityCode: string; officerId: string; districtCode: string; startedAt: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO presence_rounds (municipality_code, officer_id, district_code, started_at) VALUES ($1, $2, $3, $4) RETURNING id`,
    [r.municipalityCode, r.officerId, r.districtCode, r.startedAt],
  );
  return rows[0]!.id;
}

/** A round that is over already (loaded from elsewhere): it counts as stopped by the officer. */
export async function insertFinishedRound(
  db: Queryable,
  r: { municipalityCode: string; officerId: string; districtCode: string; startedAt: Date; endedAt: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO presence_rounds (municipality_code, officer_id, district_code, started_at, ended_at, ended_reason)
     VALUES ($1, $2, $3, $4, $5, 'stopped')`,
    [r.municipalityCode, r.officerId, r.districtCode, r.startedAt, r.endedAt],
  );
}

export interface RoundFilter {
  municipalityCode: string;
  districtCode?: string | undefined;
  officerId?: string | undefined;
  from: Date | null;
  to: Date | null;
  limit: number;
}

/** Rounds that overlap [from, to), newest first. */
export async function listRoundRows(db: Queryable, now: Date, f: RoundFilter): Promise<Round[]> {
  const { rows } = await db.query<RoundRow>(
    `${selectRounds}
      WHERE r.municipality_code = $2
        AND ($3::text IS NULL OR r.district_code = $3)
        AND ($4::uuid IS NULL OR r.officer_id = $4)
        AND ($6::timestamptz IS NULL OR r.started_at < $6)
        AND ($5::timestamptz IS NULL OR (r.started_at >= $5::timestamptz - interval '${MAX_ROUND_HOURS} hours' AND ${countedUntilSql} > $5))
      ORDER BY r.started_at DESC, r.id DESC
      LIMIT $7`,
    [now, f.municipalityCode, f.districtCode ?? null, f.officerId ?? null, f.from, f.to, f.limit],
  );
  return rows.map((row) => toRound(row, now));
}

/** Counted round hours per district, clipped to [from, to). */
export async function presenceHoursPerDistrict(
  db: Queryable,
  now: Date,
  municipalityCode: string,
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ district_code: string; seconds: number | string }>(
    `SELECT district_code, sum(GREATEST(0, EXTRACT(EPOCH FROM (LEAST(counted_until, $4::timestamptz) - GREATEST(started_at, $3::timestamptz))))) AS seconds
       FROM (SELECT r.district_code, r.started_at, ${countedUntilSql} AS counted_until
             ${roundsFrom}
              WHERE r.municipality_code = $2
                AND r.started_at < $4
                AND r.started_at >= $3::timestamptz - interval '${MAX_ROUND_HOURS} hours') AS counted
      GROUP BY district_code`,
    [now, municipalityCode, from, to],
  );
  return new Map(rows.map((r) => [r.district_code, Number(r.seconds) / 3600]));
}
