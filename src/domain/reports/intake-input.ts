import type { z } from 'zod';
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { fieldProblemsFromIssues } from '../../shared/field-problems.ts';
import type { Category } from '../categories/index.ts';
import {
  getDistrictLocator,
  locateWith,
  parseCrs,
  pointToRd,
  type Crs,
  type LocatedPoint,
} from '../geography/index.ts';
import { loadRoutingData, type RoutingData } from '../routing/index.ts';
import { findIntakeCategory } from './intake-categories.ts';
import { createReportBodySchema, type CreateReportBody } from './schemas.ts';

export interface ResolvedIntake {
  body: CreateReportBody;
  rd: { x: number; y: number };
  located: LocatedPoint;
  /** The geography counter of the locator that placed the point (0 when there was no point to place). */
  geographyVersion: number;
  category: Category & { deadline: NonNullable<Category['deadline']> };
  /** The municipality's time zone, for deadlines counted on its wall calendar. */
  timeZone: string;
  /** Loaded with the time zone (one statement, usually answered from the cache); routing decides on it. */
  routingData: RoutingData | null;
}

const fields = createReportBodySchema.shape;
/** A phone whose clock runs a little fast still files "just now" without an error. */
const clockSkewToleranceMs = 2 * 60_000;

/** One field on its own, so domain checks can run even when another field is broken. */
function valid<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Moves a DomainError's field problems under `prefix`, or rethrows anything else. */
function problemsOf(error: unknown, prefix: string): FieldProblem[] {
  if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
  const problems = error.fieldProblems.length ? error.fieldProblems : [{ name: prefix, reason: error.detail }];
  return problems.map((p) => ({ ...p, name: prefix }));
}

/**
 * Validates an intake body and resolves its place and category. Structural problems (zod) and
 * domain problems (unknown category, occurredAt in the future, implausible coordinates) are
 * reported together in one validation error, so a form can mark every field at once.
 */
export async function resolveIntake(
  deps: { db: Queryable; clock: Clock },
  input: {
    body: unknown;
    contentCrs: string | undefined;
    staffMunicipalityCode: string | null;
    verifyCachedData?: boolean;
  },
): Promise<ResolvedIntake> {
  const problems: FieldProblem[] = [];
  const parsed = createReportBodySchema.safeParse(input.body);
  if (!parsed.success) {
    problems.push(...fieldProblemsFromIssues('body', parsed.error.issues));
  }
  const raw = input.body && typeof input.body === 'object' ? (input.body as Record<string, unknown>) : {};
  const field = <T>(schema: z.ZodType<T>, key: keyof CreateReportBody): T | undefined =>
    parsed.success ? (parsed.data[key] as T | undefined) : valid(schema, raw[key]);

  let crs: Crs | undefined;
  try {
    crs = parseCrs(input.contentCrs, 'headers.content-crs');
  } catch (error) {
    problems.push(...problemsOf(error, 'headers.content-crs'));
  }

  const location = field(fields.location, 'location');
  let rd: { x: number; y: number } | undefined;
  let located: LocatedPoint | undefined;
  let outside: DomainError | undefined;
  let geographyVersion = 0;
  if (location && crs) {
    try {
      const [x, y] = pointToRd(location, crs);
      rd = { x, y };
      const locator = await getDistrictLocator(deps.db, { verify: input.verifyCachedData ?? true });
      geographyVersion = locator.geographyVersion;
      located = locateWith(locator, location, crs, input.staffMunicipalityCode ?? undefined);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'outside_municipality') outside = error;
      else problems.push(...problemsOf(error, 'body.location.coordinates'));
    }
  }

  const occurredAt = field(fields.occurredAt, 'occurredAt');
  if (occurredAt && new Date(occurredAt).getTime() > deps.clock.now().getTime() + clockSkewToleranceMs) {
    problems.push({ name: 'body.occurredAt', reason: 'must not be in the future', code: 'in_future' });
  }

  const municipalityCode = located?.municipalityCode ?? input.staffMunicipalityCode;
  const categoryCode = field(fields.category, 'category');
  let category: Category | null = null;
  let routingData: RoutingData | null = null;
  if (categoryCode && municipalityCode) {
    // Categories and routing data come from the cache: one tiny version check, or none when the caller checks at its write.
    routingData = await loadRoutingData(deps.db, municipalityCode, {
      absencesFrom: deps.clock.now(),
      verify: input.verifyCachedData ?? true,
    });
    category = routingData ? await findIntakeCategory(deps.db, routingData, categoryCode) : null;
    if (!category)
      problems.push({ name: 'body.category', reason: `unknown category "${categoryCode}"`, code: 'unknown_category' });
    else if (!category.parentCode || !category.deadline) {
      problems.push({
        name: 'body.category',
        reason: `"${categoryCode}" is a main category; choose one of its subcategories`,
        code: 'main_category',
      });
    }
  }

  const outsideProblem: FieldProblem = {
    name: 'body.location',
    reason: 'not within a district of a municipality served here',
    code: 'outside_municipality',
  };
  if (problems.length > 0) {
    if (outside) problems.push(outsideProblem);
    throw new DomainError(
      'validation',
      `${problems.length} field problem(s): ${problems.map((p) => p.name).join(', ')}`,
      problems,
    );
  }
  if (outside) throw new DomainError('outside_municipality', outside.detail, [outsideProblem]);
  if (!parsed.success || !rd || !located || !category?.deadline || !routingData) {
    // unreachable: every gap above is a problem, and a category is only found in the routing data
    throw new Error('intake resolved without a body, location, category or routing data');
  }
  return {
    body: parsed.data,
    rd,
    located,
    geographyVersion,
    category: { ...category, deadline: category.deadline },
    timeZone: routingData.timeZone,
    routingData,
  };
}
