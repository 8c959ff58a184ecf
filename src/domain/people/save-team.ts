import type { Db } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { findTeamByCode, findTeamById, type TeamRecord } from './repository.ts';
import { insertTeam, renameTeam } from './repository-organisation.ts';
import { isUuid } from './repository-officers.ts';

const codePattern = /^[a-z0-9][a-z0-9-]{0,49}$/;

function nameProblems(name: string): FieldProblem[] {
  return name.trim().length === 0 || name.length > 200
    ? [{ name: 'name', reason: 'must be 1–200 characters', code: 'invalid_length' }]
    : [];
}

/** A team of the municipality, or a partner organisation (kind partner) that reports can be handed to. */
export async function createTeam(
  deps: { db: Db },
  actor: StaffUser,
  input: { code: string; name: string; kind: string },
): Promise<TeamRecord> {
  const problems = nameProblems(input.name);
  if (!codePattern.test(input.code))
    problems.push({ name: 'code', reason: 'lower-case letters, digits and hyphens, at most 50', code: 'invalid_code' });
  if (input.kind !== 'team' && input.kind !== 'partner')
    problems.push({ name: 'kind', reason: 'must be team or partner', code: 'invalid_value' });
  if (problems.length > 0) throw new DomainError('validation', 'The team was not created.', problems);
  if (await findTeamByCode(deps.db, actor.municipalityCode, input.code))
    throw new DomainError('conflict', `There is a team with code ${input.code} already.`, [
      { name: 'code', reason: 'already in use', code: 'taken' },
    ]);
  return insertTeam(deps.db, actor.municipalityCode, {
    code: input.code,
    name: input.name.trim(),
    kind: input.kind as TeamRecord['kind'],
  });
}

/** Renaming keeps the code: routing rules and imports refer to a team by its code. */
export async function updateTeam(
  deps: { db: Db },
  actor: StaffUser,
  teamId: string,
  input: { name: string },
): Promise<TeamRecord> {
  const team = isUuid(teamId) ? await findTeamById(deps.db, actor.municipalityCode, teamId) : null;
  if (!team) throw new DomainError('not_found', 'Team not found.');
  const problems = nameProblems(input.name);
  if (problems.length > 0) throw new DomainError('validation', 'The team was not changed.', problems);
  await renameTeam(deps.db, teamId, input.name.trim());
  return { ...team, name: input.name.trim() };
}
