import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { listTeams, type StaffUser } from '../people/index.ts';
import { insertContact } from './repository-contacts.ts';
import { districtInMunicipality } from './repository-districts.ts';
import type { Contact, LogContactInput } from './schemas.ts';
import { momentOrNow } from './time-window.ts';

/** Records a talk in the district. The topic is free text the API documents as free of personal data. */
export async function logContact(
  deps: { db: Queryable; clock: Clock },
  officer: StaffUser,
  input: LogContactInput,
): Promise<Contact> {
  const now = deps.clock.now();
  const problems: FieldProblem[] = [];
  if (!(await districtInMunicipality(deps.db, input.districtCode, officer.municipalityCode))) {
    problems.push({
      name: 'districtCode',
      reason: `no district ${input.districtCode} in this municipality`,
      code: 'unknown',
    });
  }
  const occurred = momentOrNow(input.occurredAt, now, 'occurredAt');
  problems.push(...occurred.problems);
  if (input.partnerTeamId !== undefined) {
    const teams = await listTeams(deps.db, officer.municipalityCode);
    const team = teams.find((t) => t.id === input.partnerTeamId);
    if (!team)
      problems.push({ name: 'partnerTeamId', reason: 'no team with this id in this municipality', code: 'unknown' });
    else if (team.kind !== 'partner')
      problems.push({
        name: 'partnerTeamId',
        reason: `team ${team.code} is not a partner organisation`,
        code: 'not_a_partner',
      });
  }
  if (problems.length > 0)
    throw new DomainError('validation', `${problems.length} problem(s) with the contact`, problems);

  return insertContact(deps.db, {
    municipalityCode: officer.municipalityCode,
    officerId: officer.id,
    counterpart: input.counterpart,
    topic: input.topic,
    districtCode: input.districtCode,
    occurredAt: occurred.at,
    partnerTeamId: input.partnerTeamId ?? null,
    createdAt: now,
  });
}
