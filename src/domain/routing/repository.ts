import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import type { AbsenceKind, AssigneeKind, CoordinatorGroupSnapshot, OfficerSnapshot, RoutingRule, RoutingSnapshot, RuleConditions, RuleInput } from './schemas.ts';

interface OfficerRow {
  id: string;
  name: string;
  working_weekdays: number[];
  district_weekdays: number[];
  work_start: string;
  work_end: string;
  absences: { kind: AbsenceKind; startsAt: string; endsAt: string }[] | null;
  open_report_count: number;
  borough_codes: string[];
}

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

/**
 * Everything routeReport needs, in five indexed queries. Absences that ended before `absencesFrom`
 * (the moment of receipt) are left out: they cannot affect the decision.
 */
export async function loadRoutingSnapshot(
  db: Queryable,
  municipalityCode: string,
  districtCode: string,
  options: { absencesFrom?: Date } = {},
): Promise<RoutingSnapshot> {
  const [district, officers, groups, rules, teams] = await Promise.all([
    db.query<{ code: string; name: string; borough_code: string | null; borough_name: string | null; owner_id: string | null; backup_id: string | null }>(
      `SELECT d.code, d.name, b.code AS borough_code, b.name AS borough_name, a.owner_id, a.backup_id
         FROM districts d
         LEFT JOIN boroughs b ON b.id = d.borough_id
         LEFT JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
        WHERE d.code = $1 AND d.municipality_code = $2`,
      [districtCode, municipalityCode],
    ),
    db.query<OfficerRow>(
      `SELECT u.id, u.name, o.working_weekdays, o.district_weekdays,
              to_char(o.work_start, 'HH24:MI') AS work_start, to_char(o.work_end, 'HH24:MI') AS work_end,
              (SELECT json_agg(json_build_object('kind', ab.kind, 'startsAt', ab.starts_at, 'endsAt', ab.ends_at) ORDER BY ab.starts_at)
                 FROM absences ab
                WHERE ab.officer_id = u.id AND ab.cancelled_at IS NULL AND ab.ends_at > $2) AS absences,
              (SELECT count(*)::int FROM reports r
                WHERE r.assignee_id = u.id AND r.assignee_kind = 'officer' AND r.status NOT IN ('resolved', 'cancelled')) AS open_report_count,
              ARRAY(SELECT DISTINCT b.code
                      FROM district_assignments da
                      JOIN districts d ON d.code = da.district_code
                      JOIN boroughs b ON b.id = d.borough_id
                     WHERE da.owner_id = u.id AND da.valid_to IS NULL) AS borough_codes
         FROM users u JOIN officers o ON o.user_id = u.id
        WHERE u.municipality_code = $1 AND u.active
        ORDER BY u.id`,
      [municipalityCode, options.absencesFrom ?? new Date(0)],
    ),
    db.query<{ id: string; name: string; coordinator_name: string | null; borough_codes: string[] }>(
      `SELECT g.id, g.name, c.name AS coordinator_name,
              ARRAY(SELECT b.code FROM coordinator_group_boroughs gb JOIN boroughs b ON b.id = gb.borough_id
                     WHERE gb.group_id = g.id ORDER BY b.code) AS borough_codes
         FROM coordinator_groups g LEFT JOIN users c ON c.id = g.coordinator_id
        WHERE g.municipality_code = $1
        ORDER BY g.name, g.id`,
      [municipalityCode],
    ),
    db.query<RuleRow>(
      `SELECT id, position, name, active, conditions, target_kind, target_id, reason_nl, reason_en
         FROM routing_rules WHERE municipality_code = $1 AND active ORDER BY position`,
      [municipalityCode],
    ),
    db.query<{ id: string; code: string; name: string; kind: 'team' | 'partner' }>(
      'SELECT id, code, name, kind FROM teams WHERE municipality_code = $1 ORDER BY code',
      [municipalityCode],
    ),
  ]);
  const districtRow = district.rows[0];
  if (!districtRow) throw notFound(`District ${districtCode} in municipality ${municipalityCode}`);
  const coordinatorGroups: CoordinatorGroupSnapshot[] = groups.rows.map((g) => ({
    id: g.id,
    name: g.name,
    coordinatorName: g.coordinator_name,
    boroughCodes: g.borough_codes,
  }));
  return {
    district: {
      code: districtRow.code,
      name: districtRow.name,
      boroughCode: districtRow.borough_code,
      boroughName: districtRow.borough_name,
      ownerId: districtRow.owner_id,
      backupId: districtRow.backup_id,
    },
    officers: officers.rows.map(toOfficerSnapshot),
    coordinatorGroup: coordinatorGroups.find((g) => districtRow.borough_code !== null && g.boroughCodes.includes(districtRow.borough_code)) ?? null,
    coordinatorGroups,
    rules: rules.rows.map(toRoutingRule),
    teams: teams.rows,
  };
}

function toOfficerSnapshot(row: OfficerRow): OfficerSnapshot {
  return {
    id: row.id,
    name: row.name,
    workingWeekdays: row.working_weekdays.map(Number),
    districtWeekdays: row.district_weekdays.map(Number),
    workStart: row.work_start,
    workEnd: row.work_end,
    absences: (row.absences ?? []).map((a) => ({ kind: a.kind, startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt) })),
    openReportCount: Number(row.open_report_count),
    boroughCodes: row.borough_codes,
  };
}

function toRoutingRule(row: RuleRow): RoutingRule {
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
  return rows.map((row) => ({ ...toRoutingRule(row), id: row.id, position: row.position, targetName: row.target_name }));
}

/** Which of the given targets exist in the municipality, as "kind:id" keys. */
export async function existingTargets(db: Queryable, municipalityCode: string, targets: { kind: AssigneeKind; id: string }[]): Promise<Set<string>> {
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

export async function insertRule(db: Queryable, municipalityCode: string, position: number, rule: RuleInput): Promise<void> {
  await db.query(
    `INSERT INTO routing_rules (municipality_code, position, name, active, conditions, target_kind, target_id, reason_nl, reason_en)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)`,
    [municipalityCode, position, rule.name, rule.active, JSON.stringify(rule.conditions), rule.target.kind, rule.target.id, rule.reasonNl ?? null, rule.reasonEn ?? null],
  );
}
