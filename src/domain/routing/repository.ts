import type { Queryable } from '../../db/db.ts';
import type {
  AbsenceKind,
  AssigneeKind,
  CoordinatorGroupSnapshot,
  DistrictSnapshot,
  OfficerSnapshot,
  RoutingRule,
  RoutingSnapshot,
  RuleConditions,
  RuleInput,
} from './schemas.ts';

interface RuleRow {
  id: string;
  position: number;
  name: string;
  active: boolean;
  conditions: RuleConditions;
  target_kind: AssigneeKind;
  target_id: string;
  reason_nl: string | null;
  reason_en: string | null;
}

/** Routing's slow-changing data for one municipality, as loaded; see routing-data.ts. */
export interface StoredRoutingData {
  timeZone: string;
  districts: DistrictSnapshot[];
  officers: (Omit<OfficerSnapshot, 'absences' | 'openReportCount'> & {
    absences: { kind: AbsenceKind; startsAt: string; endsAt: string }[];
  })[];
  coordinatorGroups: CoordinatorGroupSnapshot[];
  rules: RuleRow[];
  teams: RoutingSnapshot['teams'];
}

/** The counter migration 0080's triggers bump on every change to routing's slow-changing data. */
export async function selectRoutingDataVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ version: number }>('SELECT version::float8 AS version FROM routing_data_version');
  if (!rows[0]) throw new Error('routing_data_version has no row (migration 0080)');
  return Number(rows[0].version);
}

/**
 * All of the municipality's routing data as JSON, with the version counters read in the SAME statement
 * (one snapshot of the database), so the data always belongs to the version it is cached under.
 * Absences that ended before `absencesFrom` cannot affect a decision from then on and are left out.
 * `data` is null for an unknown municipality.
 */
export async function selectRoutingData(
  db: Queryable,
  municipalityCode: string,
  absencesFrom: Date,
): Promise<{ version: number; geographyVersion: number; data: StoredRoutingData | null }> {
  const { rows } = await db.query<{ version: number; geographyVersion: number; data: StoredRoutingData | null }>(
    `SELECT v.version::float8 AS version, v.geography_version::float8 AS "geographyVersion", (
              SELECT json_build_object(
                'timeZone', m.timezone,
                'districts', COALESCE((
                  SELECT json_agg(json_build_object('code', d.code, 'name', d.name, 'boroughCode', b.code, 'boroughName', b.name,
                                                    'ownerId', a.owner_id, 'backupId', a.backup_id) ORDER BY d.code)
                    FROM districts d
                    LEFT JOIN boroughs b ON b.id = d.borough_id
                    LEFT JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
                   WHERE d.municipality_code = m.code), '[]'),
                'officers', COALESCE((
                  SELECT json_agg(json_build_object(
                           'id', u.id, 'name', u.name, 'workingWeekdays', o.working_weekdays, 'districtWeekdays', o.district_weekdays,
                           'workStart', to_char(o.work_start, 'HH24:MI'), 'workEnd', to_char(o.work_end, 'HH24:MI'),
                           'absences', COALESCE((
                             SELECT json_agg(json_build_object('kind', ab.kind, 'startsAt', ab.starts_at, 'endsAt', ab.ends_at) ORDER BY ab.starts_at)
                               FROM absences ab
                              WHERE ab.officer_id = u.id AND ab.cancelled_at IS NULL AND ab.ends_at > $2), '[]'),
                           'boroughCodes', ARRAY(
                             SELECT DISTINCT b.code
                               FROM district_assignments da
                               JOIN districts d ON d.code = da.district_code
                               JOIN boroughs b ON b.id = d.borough_id
                              WHERE da.owner_id = u.id AND da.valid_to IS NULL)) ORDER BY u.id)
                    FROM users u JOIN officers o ON o.user_id = u.id
                   WHERE u.municipality_code = m.code AND u.active), '[]'),
                'coordinatorGroups', COALESCE((
                  SELECT json_agg(json_build_object('id', g.id, 'name', g.name, 'coordinatorName', c.name, 'boroughCodes', ARRAY(
                           SELECT b.code FROM coordinator_group_boroughs gb JOIN boroughs b ON b.id = gb.borough_id
                            WHERE gb.group_id = g.id ORDER BY b.code)) ORDER BY g.name, g.id)
                    FROM coordinator_groups g LEFT JOIN users c ON c.id = g.coordinator_id
                   WHERE g.municipality_code = m.code), '[]'),
                'rules', COALESCE((
                  SELECT json_agg(json_build_object('id', r.id, 'position', r.position, 'name', r.name, 'active', r.active,
                           'conditions', r.conditions, 'target_kind', r.target_kind, 'target_id', r.target_id,
                           'reason_nl', r.reason_nl, 'reason_en', r.reason_en) ORDER BY r.position)
                    FROM routing_rules r WHERE r.municipality_code = m.code AND r.active), '[]'),
                'teams', COALESCE((
                  SELECT json_agg(json_build_object('id', t.id, 'code', t.code, 'name', t.name, 'kind', t.kind) ORDER BY t.code)
                    FROM teams t WHERE t.municipality_code = m.code), '[]'))
                FROM municipalities m WHERE m.code = $1) AS data
       FROM routing_data_version v`,
    [municipalityCode, absencesFrom],
  );
  const row = rows[0];
  if (!row) throw new Error('routing_data_version has no row (migration 0080)');
  return { version: Number(row.version), geographyVersion: Number(row.geographyVersion), data: row.data };
}

/** Open (not resolved or cancelled) reports per officer, for the given officers; missing ids have none. */
export async function countOpenReports(db: Queryable, officerIds: string[]): Promise<Map<string, number>> {
  if (officerIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; open: number }>(
    `SELECT r.assignee_id AS id, count(*)::int AS open
       FROM reports r
      WHERE r.assignee_kind = 'officer' AND r.status NOT IN ('resolved', 'cancelled') AND r.assignee_id = ANY($1::uuid[])
      GROUP BY r.assignee_id`,
    [officerIds],
  );
  return new Map(rows.map((row) => [row.id, Number(row.open)]));
}

export function toRoutingRule(row: RuleRow): RoutingRule {
  return {
    name: row.name,
    active: row.active,
    conditions: row.conditions,
    target: { kind: row.target_kind, id: row.target_id },
    reasonNl: row.reason_nl,
    reasonEn: row.reason_en,
  };
}

// ── Routing rules administration ───────────────────────────────────────────────

export interface StoredRule extends RoutingRule {
  id: string;
  position: number;
  targetName: string | null;
}

export async function listRules(db: Queryable, municipalityCode: string): Promise<StoredRule[]> {
  const { rows } = await db.query<RuleRow & { target_name: string | null }>(
    `SELECT r.id, r.position, r.name, r.active, r.conditions, r.target_kind, r.target_id, r.reason_nl, r.reason_en,
            CASE r.target_kind
              WHEN 'officer' THEN (SELECT name FROM users WHERE id = r.target_id)
              WHEN 'queue' THEN (SELECT name FROM coordinator_groups WHERE id = r.target_id)
              ELSE (SELECT name FROM teams WHERE id = r.target_id)
            END AS target_name
       FROM routing_rules r WHERE r.municipality_code = $1 ORDER BY r.position`,
    [municipalityCode],
  );
  return rows.map((row) => ({
    ...toRoutingRule(row),
    id: row.id,
    position: row.position,
    targetName: row.target_name,
  }));
}

/** Which of the given targets exist in the municipality, as "kind:id" keys. */
export async function existingTargets(
  db: Queryable,
  municipalityCode: string,
  targets: { kind: AssigneeKind; id: string }[],
): Promise<Set<string>> {
  const ids = [...new Set(targets.map((t) => t.id))];
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ key: string }>(
    `SELECT 'officer:' || u.id AS key FROM users u JOIN officers o ON o.user_id = u.id
      WHERE u.municipality_code = $1 AND u.active AND u.id::text = ANY($2::text[])
     UNION ALL
     SELECT t.kind || ':' || t.id FROM teams t WHERE t.municipality_code = $1 AND t.id::text = ANY($2::text[])
     UNION ALL
     SELECT 'queue:' || g.id FROM coordinator_groups g WHERE g.municipality_code = $1 AND g.id::text = ANY($2::text[])`,
    [municipalityCode, ids],
  );
  return new Set(rows.map((r) => r.key));
}

/** Which of the given codes exist in the municipality, per kind of code. */
export async function existingCodes(
  db: Queryable,
  municipalityCode: string,
  codes: { categories: string[]; districts: string[]; boroughs: string[] },
): Promise<{ categories: Set<string>; districts: Set<string>; boroughs: Set<string> }> {
  const { rows } = await db.query<{ kind: 'categories' | 'districts' | 'boroughs'; code: string }>(
    `SELECT 'categories' AS kind, code FROM categories WHERE municipality_code = $1 AND code = ANY($2::text[])
     UNION ALL SELECT 'districts', code FROM districts WHERE municipality_code = $1 AND code = ANY($3::text[])
     UNION ALL SELECT 'boroughs', code FROM boroughs WHERE municipality_code = $1 AND code = ANY($4::text[])`,
    [municipalityCode, codes.categories, codes.districts, codes.boroughs],
  );
  const result = { categories: new Set<string>(), districts: new Set<string>(), boroughs: new Set<string>() };
  for (const row of rows) result[row.kind].add(row.code);
  return result;
}

/** Run inside a transaction. */
export async function replaceRules(db: Queryable, municipalityCode: string, rules: RuleInput[]): Promise<void> {
  // Two replacements at once would otherwise both delete and then collide on (municipality, position).
  await db.query('SELECT 1 FROM municipalities WHERE code = $1 FOR UPDATE', [municipalityCode]);
  await db.query('DELETE FROM routing_rules WHERE municipality_code = $1', [municipalityCode]);
  for (const [index, rule] of rules.entries()) {
    await insertRule(db, municipalityCode, index + 1, rule);
  }
}

export async function insertRule(
  db: Queryable,
  municipalityCode: string,
  position: number,
  rule: RuleInput,
): Promise<void> {
  await db.query(
    `INSERT INTO routing_rules (municipality_code, position, name, active, conditions, target_kind, target_id, reason_nl, reason_en)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
    [
      municipalityCode,
      position,
      rule.name,
      rule.active,
      JSON.stringify(rule.conditions),
      rule.target.kind,
      rule.target.id,
      rule.reasonNl ?? null,
      rule.reasonEn ?? null,
    ],
  );
}
