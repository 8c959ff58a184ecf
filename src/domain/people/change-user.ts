import type { Db } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { roles as knownRoles, type Role, type StaffUser } from '../../shared/staff.ts';
import { assertAnotherAdministratorRemains } from './administrator-guard.ts';
import { findTeamByCode } from './repository.ts';
import { findAdminUser, updateUserRow, type AdminUserRecord } from './repository-admin.ts';
import { insertOfficerProfile } from './repository-officers.ts';

export interface ChangeUserInput {
  name?: string | undefined;
  roles?: readonly string[] | undefined;
  /** null takes the user out of their team. */
  teamCode?: string | null | undefined;
}

async function changeProblems(db: Db, municipalityCode: string, input: ChangeUserInput, roles: readonly string[]) {
  const problems: FieldProblem[] = [];
  if (input.name !== undefined && (input.name.trim().length === 0 || input.name.length > 200))
    problems.push({ name: 'name', reason: 'must be 1–200 characters', code: 'invalid_length' });
  if (roles.length === 0) problems.push({ name: 'roles', reason: 'at least one role is needed', code: 'too_small' });
  const unknown = roles.filter((role) => !(knownRoles as readonly string[]).includes(role));
  if (unknown.length > 0)
    problems.push({ name: 'roles', reason: `unknown role(s): ${unknown.join(', ')}`, code: 'invalid_value' });
  let teamId: string | null | undefined;
  let teamKind: string | undefined;
  if (input.teamCode) {
    const team = await findTeamByCode(db, municipalityCode, input.teamCode);
    if (!team) problems.push({ name: 'teamCode', reason: `no team '${input.teamCode}' here`, code: 'not_found' });
    teamId = team?.id;
    teamKind = team?.kind;
  } else if (input.teamCode === null) teamId = null;
  return { problems, teamId, teamKind };
}

/** Changes a user's name, roles and team; never takes away the municipality's last administrator. */
export async function changeUser(
  deps: { db: Db },
  actor: StaffUser,
  userId: string,
  input: ChangeUserInput,
): Promise<AdminUserRecord> {
  const current = await findAdminUser(deps.db, actor.municipalityCode, userId);
  if (!current) throw new DomainError('not_found', 'User not found.');
  const roles = input.roles ? [...new Set(input.roles)] : current.roles;
  const checked = await changeProblems(deps.db, actor.municipalityCode, input, roles);
  const teamId = checked.teamId === undefined ? (current.team?.id ?? null) : checked.teamId;
  const teamKind = checked.teamId === undefined ? current.team?.kind : checked.teamKind;
  if (roles.includes('partner') && teamId && teamKind !== 'partner')
    checked.problems.push({
      name: 'teamCode',
      reason: "partner users need a team of kind 'partner'",
      code: 'invalid_value',
    });
  if (roles.includes('partner') && !teamId)
    checked.problems.push({
      name: 'teamCode',
      reason: "partner users need a team of kind 'partner'",
      code: 'required',
    });
  if (checked.problems.length > 0)
    throw new DomainError('validation', 'The user cannot be changed as given; nothing was changed.', checked.problems);

  return deps.db.transaction(async (tx) => {
    if (!roles.includes('administrator')) await assertAnotherAdministratorRemains(tx, actor.municipalityCode, userId);
    await updateUserRow(tx, userId, { name: input.name?.trim() ?? current.name, roles: roles as Role[], teamId });
    // Someone who becomes an officer gets the default schedule; an officer who stops keeps their history.
    if (roles.includes('officer')) await insertOfficerProfile(tx, userId);
    return (await findAdminUser(tx, actor.municipalityCode, userId))!;
  });
}
