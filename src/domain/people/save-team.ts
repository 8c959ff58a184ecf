import type { Db } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import {
  findTeamByCode,
  findTeamById,
  findTeamWithContact,
  type TeamContact,
  type TeamRecord,
  type TeamWithContact,
} from './repository.ts';
import { insertTeam, renameTeam, setTeamContact } from './repository-organisation.ts';
import { isUuid } from './repository-officers.ts';

type ContactInput = { name: string; phone?: string | null | undefined; email?: string | null | undefined };

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
  input: { code: string; name: string; kind: string; contact?: ContactInput | null | undefined },
): Promise<TeamWithContact> {
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
  const id = await insertTeam(deps.db, actor.municipalityCode, {
    code: input.code,
    name: input.name.trim(),
    kind: input.kind as TeamRecord['kind'],
    contact: contactOf(input.contact),
  });
  return (await findTeamWithContact(deps.db, actor.municipalityCode, id))!;
}

const contactOf = (contact: ContactInput | null | undefined): TeamContact | null =>
  contact ? { name: contact.name, phone: contact.phone ?? null, email: contact.email ?? null } : null;

/**
 * Renaming keeps the code: routing rules and imports refer to a team by its code. The contact person is replaced
 * when given (null removes it) and left alone when left out.
 */
export async function updateTeam(
  deps: { db: Db },
  actor: StaffUser,
  teamId: string,
  input: { name: string; contact?: ContactInput | null | undefined },
): Promise<TeamWithContact> {
  const team = isUuid(teamId) ? await findTeamById(deps.db, actor.municipalityCode, teamId) : null;
  if (!team) throw new DomainError('not_found', 'Team not found.');
  const problems = nameProblems(input.name);
  if (problems.length > 0) throw new DomainError('validation', 'The team was not changed.', problems);
  await deps.db.transaction(async (tx) => {
    await renameTeam(tx, teamId, input.name.trim());
    if (input.contact !== undefined) await setTeamContact(tx, teamId, contactOf(input.contact));
  });
  return (await findTeamWithContact(deps.db, actor.municipalityCode, teamId))!;
}
