import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { rerouteOpenReportsForAbsence } from '../reports/index.ts';
import { assertMayManageAbsencesOf, parseAbsenceInput, type AbsenceInput } from './absence-rules.ts';
import { findAbsence, insertAbsence, type AbsenceRecord } from './repository-absences.ts';
import { findOfficer } from './repository-officers.ts';
import type { StaffUser } from '../../shared/staff.ts';

/** The reports area's contract (src/domain/reports/index.ts: rerouteOpenReportsForAbsence). */
export type RerouteOpenReports = (
  deps: { db: Queryable; clock: Clock },
  absence: { id: string; officerId: string; startsAt: Date; endsAt: Date; actor: { id: string; name: string } },
) => Promise<{ rerouted: number; overdue: number }>;

/** people -> reports is the dependency direction (reports knows staff only through src/shared/staff.ts). */
const rerouteThroughReports: RerouteOpenReports = rerouteOpenReportsForAbsence;

export interface CreateAbsenceDeps {
  db: Db;
  clock: Clock;
  /** Defaults to the reports area; tests may observe the call. */
  rerouteReports?: RerouteOpenReports;
}

/**
 * Registers an absence and, in the same transaction, hands the officer's open reports that fall
 * due during it, and those already overdue, to a colleague: either both happen or neither.
 */
export async function createAbsence(
  deps: CreateAbsenceDeps,
  actor: StaffUser,
  officerId: string,
  input: AbsenceInput,
): Promise<{ absence: AbsenceRecord; reroutedReports: number; reroutedOverdueReports: number }> {
  const officer = await findOfficer(deps.db, actor.municipalityCode, officerId);
  if (!officer) throw new DomainError('not_found', 'Officer not found.');
  assertMayManageAbsencesOf(actor, officerId);
  const parsed = parseAbsenceInput(input);
  const reroute = deps.rerouteReports ?? rerouteThroughReports;
  return deps.db.transaction(async (tx) => {
    const id = await insertAbsence(tx, { officerId, ...parsed, createdById: actor.id, createdAt: deps.clock.now() });
    const { rerouted, overdue } = await reroute(
      { db: tx, clock: deps.clock },
      { id, officerId, startsAt: parsed.startsAt, endsAt: parsed.endsAt, actor: { id: actor.id, name: actor.name } },
    );
    const absence = await findAbsence(tx, actor.municipalityCode, id);
    return { absence: absence!, reroutedReports: rerouted, reroutedOverdueReports: overdue };
  });
}
