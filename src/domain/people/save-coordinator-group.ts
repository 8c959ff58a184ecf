import type { Db, Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { knownBoroughCodes, listCoordinatorGroups, type CoordinatorGroupRecord } from './repository.ts';
import { findAdminUser } from './repository-admin.ts';
import {
  findCoordinatorGroup,
  groupNameTaken,
  insertCoordinatorGroup,
  setGroupBoroughs,
  updateCoordinatorGroupRow,
} from './repository-organisation.ts';
import { isUuid } from './repository-officers.ts';

export interface CoordinatorGroupInput {
  name?: string | undefined;
  /** An active coordinator of the municipality; null leaves the group without one. */
  coordinatorId?: string | null | undefined;
  /** The boroughs the group covers; a borough of another group moves to this one. */
  boroughCodes?: readonly string[] | undefined;
}

async function groupProblems(db: Queryable, municipalityCode: string, input: CoordinatorGroupInput, groupId?: string) {
  const problems: FieldProblem[] = [];
  if (input.name !== undefined) {
    if (input.name.trim().length === 0 || input.name.length > 200)
      problems.push({ name: 'name', reason: 'must be 1–200 characters', code: 'invalid_length' });
    else if (await groupNameTaken(db, municipalityCode, input.name.trim(), groupId))
      problems.push({ name: 'name', reason: 'another group has this name', code: 'taken' });
  }
  if (input.coordinatorId) {
    const user = await findAdminUser(db, municipalityCode, input.coordinatorId);
    if (!user || !user.active || !user.roles.includes('coordinator'))
      problems.push({ name: 'coordinatorId', reason: 'no active coordinator with this id here', code: 'not_found' });
  }
  const codes = input.boroughCodes ?? [];
  const known = await knownBoroughCodes(db, municipalityCode, codes);
  codes.forEach((code, index) => {
    if (!known.has(code))
      problems.push({ name: `boroughCodes.${index}`, reason: `no borough ${code} here`, code: 'not_found' });
  });
  return problems;
}

const groupOf = async (db: Queryable, municipalityCode: string, id: string): Promise<CoordinatorGroupRecord> =>
  (await listCoordinatorGroups(db, municipalityCode)).find((group) => group.id === id)!;

/** A new coordinator group: reports of its boroughs' districts without an available officer go to its coordinator. */
export async function createCoordinatorGroup(
  deps: { db: Db },
  actor: StaffUser,
  input: CoordinatorGroupInput & { name: string },
): Promise<CoordinatorGroupRecord> {
  const problems = await groupProblems(deps.db, actor.municipalityCode, input);
  if (problems.length > 0) throw new DomainError('validation', 'The group was not created.', problems);
  return deps.db.transaction(async (tx) => {
    const id = await insertCoordinatorGroup(tx, actor.municipalityCode, input.name.trim(), input.coordinatorId ?? null);
    await setGroupBoroughs(tx, actor.municipalityCode, id, input.boroughCodes ?? []);
    return groupOf(tx, actor.municipalityCode, id);
  });
}

/** Renames a group, changes its coordinator or its boroughs (a borough left out is no longer the group's). */
export async function updateCoordinatorGroup(
  deps: { db: Db },
  actor: StaffUser,
  groupId: string,
  input: CoordinatorGroupInput,
): Promise<CoordinatorGroupRecord> {
  const group = isUuid(groupId) ? await findCoordinatorGroup(deps.db, actor.municipalityCode, groupId) : null;
  if (!group) throw new DomainError('not_found', 'Coordinator group not found.');
  const problems = await groupProblems(deps.db, actor.municipalityCode, input, groupId);
  if (problems.length > 0) throw new DomainError('validation', 'The group was not changed.', problems);
  return deps.db.transaction(async (tx) => {
    await updateCoordinatorGroupRow(tx, groupId, {
      name: input.name?.trim() ?? group.name,
      coordinatorId: input.coordinatorId === undefined ? group.coordinatorId : input.coordinatorId,
    });
    if (input.boroughCodes) await setGroupBoroughs(tx, actor.municipalityCode, groupId, input.boroughCodes);
    return groupOf(tx, actor.municipalityCode, groupId);
  });
}
