import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { fieldworkReaders, findObservation } from '../fieldwork/index.ts';
import { hasAnyRole, type StaffUser } from '../people/index.ts';
import { getReport } from '../reports/index.ts';

const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

/** A report's photos are visible to whoever may see the report (the reports area decides, partners included). */
export async function assertMaySeeReport(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  reportId: string,
): Promise<void> {
  await getReport(deps, { viewer, reportId, withContact: false });
}

/** An observation's photo is visible to the staff who read field work, in its municipality. */
export async function assertMaySeeObservation(
  deps: { db: Queryable },
  viewer: StaffUser,
  observationId: string,
): Promise<void> {
  if (!hasAnyRole(viewer, fieldworkReaders)) throw notFound('Observation');
  if (!(await findObservation(deps.db, viewer.municipalityCode, observationId))) throw notFound('Observation');
}
