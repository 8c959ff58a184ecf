/**
 * Turns the analyst's filters into an EventScope: checks every code against the municipality (all
 * problems in one 400), expands a main category to its subcategories and a borough to its districts,
 * and fills in the default period (the 12 weeks before now).
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { EventScope } from './repository-events.ts';
import type { AppliedFilters, Source } from './schemas.ts';

export const DEFAULT_PERIOD_WEEKS = 12;
const WEEK_MS = 7 * 24 * 3600 * 1000;

export interface FilterInput {
  from?: string | undefined;
  to?: string | undefined;
  category?: string | undefined;
  district?: string | undefined;
  borough?: string | undefined;
  source?: Source | undefined;
}

export interface ResolvedScope {
  scope: EventScope;
  applied: AppliedFilters;
  timeZone: string;
}

export async function municipalityTimeZone(db: Queryable, municipalityCode: string): Promise<string> {
  const { rows } = await db.query<{ timezone: string }>('SELECT timezone FROM municipalities WHERE code = $1', [
    municipalityCode,
  ]);
  if (!rows[0]) throw new DomainError('not_found', `Municipality ${municipalityCode} not found`);
  return rows[0].timezone;
}

async function categoryIds(db: Queryable, municipalityCode: string, code: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT c.id FROM categories c LEFT JOIN categories p ON p.id = c.parent_id
      WHERE c.municipality_code = $1 AND (c.code = $2 OR p.code = $2)`,
    [municipalityCode, code],
  );
  return rows.map((row) => row.id);
}

async function districtCodes(
  db: Queryable,
  municipalityCode: string,
  district: string | undefined,
  borough: string | undefined,
): Promise<{ codes: string[]; districtKnown: boolean; boroughKnown: boolean }> {
  const { rows } = await db.query<{ code: string; borough_code: string | null }>(
    `SELECT d.code, b.code AS borough_code FROM districts d LEFT JOIN boroughs b ON b.id = d.borough_id
      WHERE d.municipality_code = $1`,
    [municipalityCode],
  );
  const codes = rows
    .filter((row) => (!district || row.code === district) && (!borough || row.borough_code === borough))
    .map((row) => row.code);
  return {
    codes,
    districtKnown: !district || rows.some((row) => row.code === district),
    boroughKnown: !borough || rows.some((row) => row.borough_code === borough),
  };
}

export async function resolveScope(
  deps: { db: Queryable; clock: Clock },
  municipalityCode: string,
  input: FilterInput,
): Promise<ResolvedScope> {
  const timeZone = await municipalityTimeZone(deps.db, municipalityCode);
  const problems: FieldProblem[] = [];
  const to = input.to ? new Date(input.to) : deps.clock.now();
  const from = input.from ? new Date(input.from) : new Date(to.getTime() - DEFAULT_PERIOD_WEEKS * WEEK_MS);
  if (from >= to) problems.push({ name: 'query.from', reason: 'must be before `to`' });

  let categories: string[] | null = null;
  if (input.category) {
    categories = await categoryIds(deps.db, municipalityCode, input.category);
    if (categories.length === 0) problems.push({ name: 'query.category', reason: 'unknown category code' });
  }
  let districts: string[] | null = null;
  if (input.district || input.borough) {
    const found = await districtCodes(deps.db, municipalityCode, input.district, input.borough);
    if (!found.districtKnown)
      problems.push({ name: 'query.district', reason: 'unknown district in this municipality' });
    if (!found.boroughKnown) problems.push({ name: 'query.borough', reason: 'unknown borough in this municipality' });
    if (found.districtKnown && found.boroughKnown && found.codes.length === 0)
      problems.push({ name: 'query.district', reason: 'the district is not in that borough' });
    districts = found.codes;
  }
  if (problems.length > 0) {
    throw new DomainError('validation', `${problems.length} filter problem(s)`, problems);
  }
  const source = input.source ?? 'reports';
  return {
    timeZone,
    scope: { municipalityCode, from, to, categoryIds: categories, districtCodes: districts, source },
    applied: {
      from: from.toISOString(),
      to: to.toISOString(),
      category: input.category ?? null,
      district: input.district ?? null,
      borough: input.borough ?? null,
      source,
    },
  };
}
