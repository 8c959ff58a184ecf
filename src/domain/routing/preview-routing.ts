import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { computeDeadline } from '../../shared/time/index.ts';
import { lookupAddress, type AddressSearch } from '../addresses/index.ts';
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
  deps: { db: Queryable; clock: Clock; addressSearch: AddressSearch },
  viewer: StaffUser,
  body: RoutingPreviewBody,
): Promise<RoutingPreview> {
  const municipalityCode = viewer.municipalityCode;
  const moment = body.moment === undefined ? deps.clock.now() : new Date(body.moment);
  const problems: FieldProblem[] = [];

  const place = await placeOf(deps, body);
  let located: LocatedPoint | null = null;
  if ('problem' in place) problems.push(place.problem);
  else {
    try {
      const locator = await getDistrictLocator(deps.db);
      located = locateWith(locator, place.point, 'CRS84', municipalityCode);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      problems.push({ name: place.field, reason: 'not within a district of your municipality', code: error.code });
    }
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

type Place = { point: { type: 'Point'; coordinates: [number, number] }; field: string } | { problem: FieldProblem };

/** The point to route: the coordinates given, or the address looked up (the address search may answer 503). */
async function placeOf(
  deps: { db: Queryable; addressSearch: AddressSearch },
  body: Pick<RoutingPreviewBody, 'location' | 'addressId'>,
): Promise<Place> {
  if (body.location && body.addressId === undefined)
    return { point: { type: 'Point', coordinates: [body.location.lon, body.location.lat] }, field: 'body.location' };
  if (body.addressId === undefined || body.location)
    return { problem: { name: 'body.location', reason: 'give location or addressId, not both', code: 'one_of' } };
  try {
    const address = await lookupAddress(deps, body.addressId);
    return { point: address.location, field: 'body.addressId' };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === 'unavailable') throw error;
    return { problem: { name: 'body.addressId', reason: 'no address of your municipality', code: error.code } };
  }
}
