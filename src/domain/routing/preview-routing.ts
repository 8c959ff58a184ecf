import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { computeDeadline } from '../../shared/time/index.ts';
import { findCategory } from '../categories/index.ts';
import { getDistrictLocator, locateWith, type LocatedPoint } from '../geography/index.ts';
import { validateRules } from './manage-routing-rules.ts';
import { countOpenReports } from './repository.ts';
import { loadRoutingData, snapshotFor } from './routing-data.ts';
import { routeReport } from './route-report.ts';
import type { RoutingPreview, RoutingPreviewBody, RoutingRule, RoutingStep } from './schemas.ts';

/**
 * "Try it": routes a hypothetical report (place, category, moment, source) on the municipality's current data, with
 * the saved rules or an unsaved set, and says who would get it and every step on the way. Reads only: nothing is
 * stored, no open-report count moves, and no audit entry is written (the route opts out), since nothing changes.
 */
export async function previewRouting(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  body: RoutingPreviewBody,
): Promise<RoutingPreview> {
  const municipalityCode = viewer.municipalityCode;
  const moment = body.moment === undefined ? deps.clock.now() : new Date(body.moment);
  const problems: FieldProblem[] = [];

  let located: LocatedPoint | null = null;
  try {
    const locator = await getDistrictLocator(deps.db);
    const point = { type: 'Point' as const, coordinates: [body.location.lon, body.location.lat] as [number, number] };
    located = locateWith(locator, point, 'CRS84', municipalityCode);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problems.push({ name: 'body.location', reason: 'not within a district of your municipality', code: error.code });
  }
  const category = await findCategory(deps.db, municipalityCode, body.categoryCode);
  if (!category)
    problems.push({ name: 'body.categoryCode', reason: `unknown category "${body.categoryCode}"`, code: 'unknown' });
  else if (!category.deadline)
    problems.push({
      name: 'body.categoryCode',
      reason: 'a main category; choose a subcategory',
      code: 'main_category',
    });
  if (body.rules) problems.push(...(await validateRules(deps.db, municipalityCode, body.rules)));
  if (problems.length > 0 || !located || !category?.deadline)
    throw new DomainError('validation', `${problems.length} problem(s); nothing was routed`, problems);

  const data = await loadRoutingData(deps.db, municipalityCode, { absencesFrom: moment });
  if (!data) throw new DomainError('not_found', `Municipality ${municipalityCode} not found`);
  const openReports = await countOpenReports(
    deps.db,
    data.officers.map((o) => o.id),
  );
  const snapshot = snapshotFor(data, located.districtCode, openReports, moment);
  const rules: RoutingRule[] | undefined = body.rules?.map((rule) => ({
    name: rule.name,
    active: rule.active,
    conditions: rule.conditions,
    target: rule.target,
    reasonNl: rule.reasonNl ?? null,
    reasonEn: rule.reasonEn ?? null,
  }));
  const deadline = computeDeadline(category.deadline, moment, data.timeZone);
  const chain: RoutingStep[] = [];
  const decision = routeReport(
    rules ? { ...snapshot, rules } : snapshot,
    {
      receivedAt: moment,
      timeZone: data.timeZone,
      categoryCode: category.code,
      parentCategoryCode: category.parentCode,
      urgent: category.urgent,
      deadline,
      source: body.source,
      districtCode: located.districtCode,
      boroughCode: located.boroughCode,
    },
    chain,
  );
  return {
    moment: moment.toISOString(),
    source: body.source,
    district: { code: located.districtCode, name: located.districtName, boroughCode: located.boroughCode },
    category: { code: category.code, nameNl: category.nameNl, nameEn: category.nameEn, urgent: category.urgent },
    deadline: deadline.toISOString(),
    rulesFrom: rules ? 'body' : 'saved',
    decision: {
      holder: decision.assignee,
      rule: decision.rule,
      reasonNl: decision.reasonNl,
      reasonEn: decision.reasonEn,
    },
    chain,
  };
}
