/**
 * SQL for the under-reporting estimate: observations and reports per district × subcategory, and the
 * candidate pairs (same subcategory, within the distance and time window) that may be the same nuisance.
 * A pair lies within one district, the stratum of the estimate.
 */
import type { Queryable } from '../../db/db.ts';
import { eventsSql, type EventScope } from './repository-events.ts';

export interface StratumCount {
  district_code: string;
  district_name: string;
  category_code: string;
  category_name_nl: string;
  category_name_en: string;
  observations: number;
  reports: number;
}

export async function stratumCounts(db: Queryable, scope: EventScope): Promise<StratumCount[]> {
  const reportParams: unknown[] = [];
  const reports = eventsSql({ ...scope, source: 'reports' }, reportParams);
  const observations = eventsSql({ ...scope, source: 'observations' }, reportParams);
  const { rows } = await db.query<StratumCount>(
    `SELECT e.district_code, d.name AS district_name, c.code AS category_code,
            c.name_nl AS category_name_nl, c.name_en AS category_name_en,
            count(*) FILTER (WHERE e.kind = 'o')::int AS observations, count(*) FILTER (WHERE e.kind = 'r')::int AS reports
       FROM (SELECT 'r' AS kind, * FROM (${reports}) r UNION ALL SELECT 'o' AS kind, * FROM (${observations}) o) e
       JOIN districts d ON d.code = e.district_code
       JOIN categories c ON c.id = e.category_id
      GROUP BY e.district_code, d.name, c.code, c.name_nl, c.name_en
      ORDER BY e.district_code, c.code`,
    reportParams,
  );
  return rows;
}

export interface CandidatePair {
  observation_id: string;
  report_id: string;
  district_code: string;
  category_code: string;
  o_x: number;
  o_y: number;
  o_t: number;
  r_x: number;
  r_y: number;
  r_t: number;
}

/**
 * Observation–report pairs in the same subcategory within `metres` and `hours` of each other: the database
 * narrows the sightings down to those that can pair at all; the core matches them one-to-one.
 */
export async function candidatePairs(
  db: Queryable,
  scope: EventScope,
  metres: number,
  hours: number,
): Promise<CandidatePair[]> {
  const params: unknown[] = [scope.municipalityCode, scope.from, scope.to, metres, hours];
  const categoryFilter = scope.categoryIds
    ? `AND o.category_id = ANY ($${params.push(scope.categoryIds)}::uuid[])`
    : '';
  const districtFilter = scope.districtCodes
    ? `AND o.district_code = ANY ($${params.push(scope.districtCodes)}::text[])`
    : '';
  const { rows } = await db.query<CandidatePair>(
    `SELECT o.id AS observation_id, r.id AS report_id, o.district_code, c.code AS category_code,
            ST_X(o.location) AS o_x, ST_Y(o.location) AS o_y, (EXTRACT(EPOCH FROM o.observed_at) * 1000)::float8 AS o_t,
            ST_X(r.location) AS r_x, ST_Y(r.location) AS r_y, (EXTRACT(EPOCH FROM r.created_at) * 1000)::float8 AS r_t
       FROM observations o
       JOIN categories c ON c.id = o.category_id
       JOIN reports r ON r.municipality_code = o.municipality_code AND r.category_id = o.category_id
                     AND r.district_code = o.district_code
                     AND r.created_at >= $2 AND r.created_at < $3
                     AND r.created_at BETWEEN o.observed_at - make_interval(hours => $5) AND o.observed_at + make_interval(hours => $5)
                     AND ST_DWithin(o.location, r.location, $4)
      WHERE o.municipality_code = $1 AND o.observed_at >= $2 AND o.observed_at < $3 ${categoryFilter} ${districtFilter}`,
    params,
  );
  return rows;
}
