import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import {
  closeAssignment,
  currentAssignment,
  deleteAssignment,
  findDistrict,
  lockCurrentAssignment,
  openAssignment,
  type AssignmentRecord,
} from './repository-assignments.ts';
import { findOfficer } from './repository-officers.ts';
import type { StaffUser } from '../../shared/staff.ts';

export interface AssignDistrictInput {
  ownerId: string;
  backupId?: string | null;
}

async function officerProblem(
  db: Queryable,
  municipalityCode: string,
  field: string,
  officerId: string,
): Promise<FieldProblem[]> {
  const officer = await findOfficer(db, municipalityCode, officerId);
  if (!officer) return [{ name: field, reason: 'no officer with this id in your municipality', code: 'not_found' }];
  if (!officer.active) return [{ name: field, reason: 'this officer is deactivated', code: 'inactive' }];
  return [];
}

/** Closes the district's current assignment and opens the new one, in one transaction. */
export async function assignDistrict(
  deps: { db: Db; clock: Clock },
  actor: StaffUser,
  districtCode: string,
  input: AssignDistrictInput,
): Promise<AssignmentRecord> {
  const district = await findDistrict(deps.db, districtCode);
  if (!district || district.municipalityCode !== actor.municipalityCode)
    throw new DomainError('not_found', 'District not found.');
  const backupId = input.backupId ?? null;
  const problems = [
    ...(await officerProblem(deps.db, actor.municipalityCode, 'ownerId', input.ownerId)),
    ...(backupId ? await officerProblem(deps.db, actor.municipalityCode, 'backupId', backupId) : []),
    ...(backupId && backupId === input.ownerId
      ? [{ name: 'backupId', reason: 'the backup must be another officer than the owner', code: 'same_as_owner' }]
      : []),
  ];
  if (problems.length > 0) throw new DomainError('validation', 'The assignment cannot be made as given.', problems);

  const now = deps.clock.now();
  const replaceCurrent = () =>
    deps.db.transaction(async (tx) => {
      const current = await lockCurrentAssignment(tx, districtCode);
      if (current && current.ownerId === input.ownerId && current.backupId === backupId)
        return (await currentAssignment(tx, districtCode))!;
      if (current) {
        if (current.startedAt.getTime() >= now.getTime()) await deleteAssignment(tx, current.id);
        else await closeAssignment(tx, current.id, now);
      }
      await openAssignment(tx, { districtCode, ownerId: input.ownerId, backupId, at: now });
      return (await currentAssignment(tx, districtCode))!;
    });
  try {
    return await replaceCurrent();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  // A concurrent re-assignment opened its row after our lock found none (or found the one it closed):
  // the partial unique index refused ours; once more, now seeing theirs, so the last writer wins.
  try {
    return await replaceCurrent();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new DomainError('conflict', 'The district is being re-assigned by someone else right now; try again.');
    throw error;
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';
