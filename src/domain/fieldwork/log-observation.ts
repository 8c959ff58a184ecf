import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { findCategory } from '../categories/index.ts';
import { locatePoint, pointToRd, type Crs } from '../geography/index.ts';
import type { StaffUser } from '../people/index.ts';
import { findObservation, insertObservation } from './repository-observations.ts';
import type { LogObservationInput, Observation } from './schemas.ts';
import { momentOrNow } from './time-window.ts';

/**
 * An officer logs nuisance seen in the street, reported by anyone or not. The district comes
 * from the point, the same way reports are placed, so both sources can be matched later.
 */
export async function logObservation(
  deps: { db: Queryable; clock: Clock },
  officer: StaffUser,
  input: LogObservationInput,
  crs: Crs = 'CRS84',
): Promise<Observation> {
  const now = deps.clock.now();
  const problems: FieldProblem[] = [];
  const category = await findCategory(deps.db, officer.municipalityCode, input.categoryCode);
  if (!category)
    problems.push({
      name: 'categoryCode',
      reason: `no active category ${input.categoryCode} in this municipality`,
      code: 'unknown',
    });
  else if (category.parentCode === null)
    problems.push({
      name: 'categoryCode',
      reason: 'choose a subcategory, not a main category',
      code: 'not_a_subcategory',
    });
  const observed = momentOrNow(input.observedAt, now, 'observedAt');
  problems.push(...observed.problems);

  let place: { rd: [number, number]; districtCode: string; neighbourhoodCode: string | null } | null = null;
  try {
    const located = await locatePoint(deps, input.location, crs, officer.municipalityCode);
    place = {
      rd: pointToRd(input.location, crs),
      districtCode: located.districtCode,
      neighbourhoodCode: located.neighbourhoodCode,
    };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const locationProblems = error.fieldProblems.map((p) => ({ ...p, name: `location.${p.name}` }));
    if (error.code === 'outside_municipality' && problems.length === 0)
      throw new DomainError(error.code, error.detail, locationProblems);
    problems.push(...locationProblems);
  }
  if (problems.length > 0 || !category || !place) {
    throw new DomainError('validation', `${problems.length} problem(s) with the observation`, problems);
  }

  const id = await insertObservation(deps.db, {
    municipalityCode: officer.municipalityCode,
    officerId: officer.id,
    categoryId: category.id,
    rd: place.rd,
    districtCode: place.districtCode,
    neighbourhoodCode: place.neighbourhoodCode,
    observedAt: observed.at,
    note: input.note ?? null,
    createdAt: now,
  });
  const created = await findObservation(deps.db, officer.municipalityCode, id);
  if (!created) throw new Error(`Observation ${id} vanished after insert`);
  return created;
}
