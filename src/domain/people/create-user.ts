import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { generatePassword, hashPassword, passwordProblems } from './passwords.ts';
import { emailTaken, findTeamByCode, insertUser, municipalityExists, type UserRecord } from './repository.ts';
import { insertOfficerProfile } from './repository-officers.ts';
import { roles as knownRoles, type Role } from '../../shared/staff.ts';

export interface CreateUserInput {
  municipalityCode: string;
  email: string;
  name: string;
  roles: readonly string[];
  teamCode?: string | null;
  /** Omit to have a strong one generated; it is returned once and never stored in clear. */
  password?: string | null;
  /** Set when an administrator hands the password over: the user must choose their own at the next sign-in. */
  mustChangePassword?: boolean;
}

export interface CreateUserResult {
  user: UserRecord;
  /** Only when no password was given. */
  generatedPassword?: string;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function emailProblems(email: string, field = 'email'): FieldProblem[] {
  const value = normaliseEmail(email);
  if (!emailPattern.test(value) || value.length > 254)
    return [{ name: field, reason: 'must be an e-mail address', code: 'invalid_email' }];
  return [];
}

function roleProblems(given: readonly string[]): FieldProblem[] {
  if (given.length === 0) return [{ name: 'roles', reason: 'at least one role is needed', code: 'too_small' }];
  const unknown = given.filter((role) => !(knownRoles as readonly string[]).includes(role));
  if (unknown.length > 0)
    return [
      {
        name: 'roles',
        reason: `unknown role(s): ${unknown.join(', ')}; known: ${knownRoles.join(', ')}`,
        code: 'invalid_value',
      },
    ];
  return [];
}

async function teamProblems(
  db: Queryable,
  input: CreateUserInput,
  municipalityKnown: boolean,
): Promise<{ problems: FieldProblem[]; teamId: string | null }> {
  const isPartner = input.roles.includes('partner');
  if (!input.teamCode) {
    return {
      problems: isPartner
        ? [{ name: 'teamCode', reason: "partner users need a team of kind 'partner'", code: 'required' }]
        : [],
      teamId: null,
    };
  }
  if (!municipalityKnown) return { problems: [], teamId: null };
  const team = await findTeamByCode(db, input.municipalityCode, input.teamCode);
  if (!team)
    return {
      problems: [
        { name: 'teamCode', reason: `no team '${input.teamCode}' in ${input.municipalityCode}`, code: 'not_found' },
      ],
      teamId: null,
    };
  if (isPartner && team.kind !== 'partner') {
    return {
      problems: [
        {
          name: 'teamCode',
          reason: `team '${team.code}' is of kind '${team.kind}'; partner users need a team of kind 'partner'`,
          code: 'invalid_value',
        },
      ],
      teamId: null,
    };
  }
  return { problems: [], teamId: team.id };
}

/** Creates a staff user (and an officer profile with default schedule for officers). */
export async function createUser(deps: { db: Db; clock: Clock }, input: CreateUserInput): Promise<CreateUserResult> {
  const municipalityKnown = await municipalityExists(deps.db, input.municipalityCode);
  const team = await teamProblems(deps.db, input, municipalityKnown);
  const problems: FieldProblem[] = [
    ...(municipalityKnown
      ? []
      : [{ name: 'municipalityCode', reason: `no municipality ${input.municipalityCode}`, code: 'not_found' }]),
    ...emailProblems(input.email),
    ...(input.name.trim().length === 0 || input.name.length > 200
      ? [{ name: 'name', reason: 'must be 1–200 characters', code: 'invalid_length' }]
      : []),
    ...roleProblems(input.roles),
    ...team.problems,
    ...(input.password ? passwordProblems(input.password) : []),
  ];
  if (problems.length > 0) throw new DomainError('validation', 'The user cannot be created as given.', problems);

  const email = normaliseEmail(input.email);
  const generatedPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password || generatedPassword!);
  const user = await deps.db.transaction(async (tx) => {
    if (await emailTaken(tx, email))
      throw new DomainError('conflict', 'A user with this e-mail address exists already.', [
        { name: 'email', reason: 'already in use', code: 'taken' },
      ]);
    const created = await insertUser(tx, {
      municipalityCode: input.municipalityCode,
      email,
      name: input.name.trim(),
      roles: [...new Set(input.roles)] as Role[],
      teamId: team.teamId,
      passwordHash,
      createdAt: deps.clock.now(),
      mustChangePassword: input.mustChangePassword ?? false,
    });
    if (created.roles.includes('officer')) await insertOfficerProfile(tx, created.id);
    return created;
  });
  return generatedPassword ? { user, generatedPassword } : { user };
}
