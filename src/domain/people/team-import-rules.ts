import { z } from 'zod';
import type { Queryable } from '../../db/db.ts';
import type { FieldProblem } from '../../shared/errors.ts';
import { roles } from '../../shared/staff.ts';
import { emailProblems, normaliseEmail } from './create-user.ts';
import { PASSWORD_MAX_LENGTH } from './passwords.ts';
import { findTeamByCode, knownBoroughCodes } from './repository.ts';
import { scheduleProblems } from './update-schedule.ts';

const name = z.string().trim().min(1).max(200);
const code = z.string().trim().min(1).max(100);
const email = z.string().trim().min(1).max(254);

/** A team as a municipality describes it: who works there, who owns which district, who coordinates what. */
export const teamImportSchema = z.object({
  teams: z
    .array(
      z.object({
        code,
        name,
        kind: z.enum(['team', 'partner']),
        /** A partner organisation's contact person, shown to officers who forward to it. */
        contact: z
          .object({
            name,
            phone: z.string().trim().min(1).max(50).nullable().default(null),
            email: email.nullable().default(null),
          })
          .nullable()
          .default(null),
      }),
    )
    .default([]),
  officers: z
    .array(
      z.object({
        name,
        email,
        /** The districts the officer owns, each with the colleague (another officer here) who backs them up. */
        districts: z.array(z.object({ code, backupEmail: email.optional() })).min(1),
        workingWeekdays: z.array(z.number()).default([1, 2, 3, 4, 5]),
        districtWeekdays: z.array(z.number()),
        workStart: z.string().default('08:00'),
        workEnd: z.string().default('17:00'),
        introduction: z.string().trim().max(2000).nullable().default(null),
        publicPhone: z.string().trim().max(50).nullable().default(null),
      }),
    )
    .default([]),
  /** Everyone else; officers go in `officers`, so each gets a profile and a schedule. */
  staff: z
    .array(z.object({ name, email, roles: z.array(z.enum(roles)).min(1), teamCode: code.optional() }))
    .default([]),
  coordinatorGroups: z
    .array(z.object({ name, coordinatorEmail: email, boroughCodes: z.array(code).min(1) }))
    .default([]),
});

export type TeamImport = z.input<typeof teamImportSchema>;
export type ParsedTeamImport = z.output<typeof teamImportSchema>;

/** The password every user created by the import starts with; argon2 takes at most this many characters here. */
export function initialPasswordProblems(password: string): FieldProblem[] {
  return password.length === 0 || password.length > PASSWORD_MAX_LENGTH
    ? [{ name: 'password', reason: `must be 1–${PASSWORD_MAX_LENGTH} characters`, code: 'invalid_length' }]
    : [];
}

function peopleProblems(team: ParsedTeamImport): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const people = [
    ...team.officers.map((officer, i) => ({ email: officer.email, field: `team.officers.${i}.email` })),
    ...team.staff.map((member, i) => ({ email: member.email, field: `team.staff.${i}.email` })),
  ];
  for (const person of people) {
    problems.push(...emailProblems(person.email, person.field));
    const key = normaliseEmail(person.email);
    if (seen.has(key)) problems.push({ name: person.field, reason: 'appears twice in the team', code: 'duplicate' });
    seen.add(key);
  }
  team.officers.forEach((officer, i) =>
    problems.push(...scheduleProblems(officer).map((p) => ({ ...p, name: `team.officers.${i}.${p.name}` }))),
  );
  team.staff.forEach((member, i) => {
    if (member.roles.includes('officer'))
      problems.push({ name: `team.staff.${i}.roles`, reason: 'officers go in officers', code: 'invalid_value' });
  });
  return problems;
}

function ownershipProblems(team: ParsedTeamImport): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const officerEmails = new Set(team.officers.map((officer) => normaliseEmail(officer.email)));
  const owned = new Set<string>();
  team.officers.forEach((officer, i) =>
    officer.districts.forEach((district, j) => {
      const at = `team.officers.${i}.districts.${j}`;
      if (owned.has(district.code))
        problems.push({ name: `${at}.code`, reason: 'owned by another officer of the team', code: 'duplicate' });
      owned.add(district.code);
      const backup = district.backupEmail === undefined ? undefined : normaliseEmail(district.backupEmail);
      if (backup !== undefined && (!officerEmails.has(backup) || backup === normaliseEmail(officer.email)))
        problems.push({ name: `${at}.backupEmail`, reason: 'must be another officer of the team', code: 'unknown' });
    }),
  );
  return problems;
}

async function teamCodeProblems(db: Queryable, municipalityCode: string, team: ParsedTeamImport) {
  const problems: FieldProblem[] = [];
  const kinds = new Map(team.teams.map((t) => [t.code, t.kind]));
  for (const [i, member] of team.staff.entries()) {
    const field = `team.staff.${i}.teamCode`;
    const kind = member.teamCode
      ? (kinds.get(member.teamCode) ?? (await findTeamByCode(db, municipalityCode, member.teamCode))?.kind)
      : undefined;
    if (member.teamCode && !kind)
      problems.push({
        name: field,
        reason: `no team '${member.teamCode}' here or in ${municipalityCode}`,
        code: 'unknown',
      });
    else if (member.roles.includes('partner') && kind !== 'partner')
      problems.push({ name: field, reason: "partner users need a team of kind 'partner'", code: 'invalid_value' });
  }
  return problems;
}

async function groupProblems(db: Queryable, municipalityCode: string, team: ParsedTeamImport) {
  const problems: FieldProblem[] = [];
  const coordinators = new Set(
    team.staff.filter((member) => member.roles.includes('coordinator')).map((member) => normaliseEmail(member.email)),
  );
  const boroughs = await knownBoroughCodes(
    db,
    municipalityCode,
    team.coordinatorGroups.flatMap((group) => group.boroughCodes),
  );
  team.coordinatorGroups.forEach((group, i) => {
    if (!coordinators.has(normaliseEmail(group.coordinatorEmail)))
      problems.push({
        name: `team.coordinatorGroups.${i}.coordinatorEmail`,
        reason: 'must be a coordinator of the team',
        code: 'unknown',
      });
    group.boroughCodes.forEach((borough, j) => {
      if (!boroughs.has(borough))
        problems.push({
          name: `team.coordinatorGroups.${i}.boroughCodes.${j}`,
          reason: `no borough ${borough} in ${municipalityCode}`,
          code: 'unknown',
        });
    });
  });
  return problems;
}

/** Every problem of a parsed team at once: people, ownership, team codes and coordinator groups. */
export async function teamImportProblems(
  db: Queryable,
  municipalityCode: string,
  team: ParsedTeamImport,
): Promise<FieldProblem[]> {
  return [
    ...peopleProblems(team),
    ...ownershipProblems(team),
    ...(await teamCodeProblems(db, municipalityCode, team)),
    ...(await groupProblems(db, municipalityCode, team)),
  ];
}
