import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { fieldProblemsFromIssues } from '../../shared/field-problems.ts';
import type { Role } from '../../shared/staff.ts';
import { normaliseEmail } from './create-user.ts';
import { hashPassword } from './passwords.ts';
import {
  findTeamByCode,
  findUserByEmail,
  insertUser,
  municipalityExists,
  saveCoordinatorGroup,
  saveTeam,
} from './repository.ts';
import { currentAssignment, knownDistrictCodes, openAssignment } from './repository-assignments.ts';
import { insertOfficerProfile } from './repository-officers.ts';
import {
  initialPasswordProblems,
  teamImportProblems,
  teamImportSchema,
  type ParsedTeamImport,
  type TeamImport,
} from './team-import-rules.ts';

export interface TeamImportResult {
  usersCreated: number;
  assignmentsOpened: number;
}

async function parseTeam(db: Queryable, municipalityCode: string, team: TeamImport, password: string) {
  const parsed = teamImportSchema.safeParse(team);
  const problems = [
    ...((await municipalityExists(db, municipalityCode))
      ? []
      : [{ name: 'municipalityCode', reason: `no municipality ${municipalityCode}`, code: 'not_found' }]),
    ...initialPasswordProblems(password),
    ...(parsed.success
      ? await teamImportProblems(db, municipalityCode, parsed.data)
      : fieldProblemsFromIssues('team', parsed.error.issues)),
  ];
  if (problems.length > 0 || !parsed.success)
    throw new DomainError(
      'validation',
      `The team cannot be imported as given: ${problems.length} problem(s).`,
      problems,
    );
  const districtCodes = parsed.data.officers.flatMap((officer) => officer.districts.map((district) => district.code));
  const known = await knownDistrictCodes(db, municipalityCode, districtCodes);
  const missing = districtCodes.filter((code) => !known.has(code));
  if (missing.length > 0)
    throw new DomainError('conflict', `Import the geography first; missing districts: ${missing.join(', ')}.`);
  return parsed.data;
}

/** What the writing steps share inside the import's transaction. */
interface Writer {
  tx: Queryable;
  municipalityCode: string;
  now: Date;
  passwordHash: () => Promise<string>;
  idByEmail: Map<string, string>;
  result: TeamImportResult;
}

/** Inserts a user unless the e-mail exists; notes its id either way. */
async function ensureUser(w: Writer, user: { email: string; name: string; roles: Role[]; teamId: string | null }) {
  const email = normaliseEmail(user.email);
  const existing = await findUserByEmail(w.tx, email);
  const id = existing
    ? existing.id
    : (
        await insertUser(w.tx, {
          municipalityCode: w.municipalityCode,
          email,
          name: user.name,
          roles: user.roles,
          teamId: user.teamId,
          passwordHash: await w.passwordHash(),
          createdAt: w.now,
        })
      ).id;
  w.idByEmail.set(email, id);
  if (!existing) w.result.usersCreated += 1;
  return { id, created: !existing };
}

async function addOfficers(w: Writer, officers: ParsedTeamImport['officers']): Promise<void> {
  for (const officer of officers) {
    const { id, created } = await ensureUser(w, {
      email: officer.email,
      name: officer.name,
      roles: ['officer'],
      teamId: null,
    });
    if (!created) continue;
    await insertOfficerProfile(w.tx, id, {
      workingWeekdays: officer.workingWeekdays,
      districtWeekdays: officer.districtWeekdays,
      workStart: officer.workStart,
      workEnd: officer.workEnd,
      introduction: officer.introduction,
      photoUrl: null,
      publicPhone: officer.publicPhone,
    });
  }
}

async function addStaff(w: Writer, team: ParsedTeamImport): Promise<void> {
  const teamIds = new Map<string, string>();
  for (const t of team.teams) teamIds.set(t.code, (await saveTeam(w.tx, w.municipalityCode, t)).id);
  for (const member of team.staff) {
    const code = member.teamCode;
    const teamId =
      code === undefined ? null : (teamIds.get(code) ?? (await findTeamByCode(w.tx, w.municipalityCode, code))!.id);
    await ensureUser(w, { email: member.email, name: member.name, roles: member.roles, teamId });
  }
}

async function openMissingAssignments(w: Writer, officers: ParsedTeamImport['officers']): Promise<void> {
  for (const officer of officers) {
    for (const district of officer.districts) {
      if (await currentAssignment(w.tx, district.code)) continue;
      await openAssignment(w.tx, {
        districtCode: district.code,
        ownerId: w.idByEmail.get(normaliseEmail(officer.email))!,
        backupId: district.backupEmail ? w.idByEmail.get(normaliseEmail(district.backupEmail))! : null,
        at: w.now,
      });
      w.result.assignmentsOpened += 1;
    }
  }
}

/**
 * Loads a team: its teams and partner organisations, officers (profile, schedule, district ownership with
 * backups), other staff and coordinator groups. Users start with `password` (hashed once for all) and are
 * created, and ownership starts, at the clock's now. Idempotent: a user whose e-mail exists is left as it
 * is (no profile added), a district with a current owner keeps it; teams and groups are matched by code
 * and name (their name, kind, coordinator and boroughs are set as given).
 */
export async function importTeam(
  deps: { db: Db; clock: Clock },
  municipalityCode: string,
  team: TeamImport,
  options: { password: string },
): Promise<TeamImportResult> {
  const parsed = await parseTeam(deps.db, municipalityCode, team, options.password);
  let hash: Promise<string> | undefined;
  const result: TeamImportResult = { usersCreated: 0, assignmentsOpened: 0 };
  await deps.db.transaction(async (tx) => {
    const w: Writer = {
      tx,
      municipalityCode,
      now: deps.clock.now(),
      passwordHash: () => (hash ??= hashPassword(options.password)), // argon2 once for the whole team
      idByEmail: new Map(),
      result,
    };
    // Teams before the staff who belong to them; officers and staff before ownership and groups name them.
    await addOfficers(w, parsed.officers);
    await addStaff(w, parsed);
    await openMissingAssignments(w, parsed.officers);
    for (const group of parsed.coordinatorGroups) {
      await saveCoordinatorGroup(tx, municipalityCode, {
        name: group.name,
        coordinatorId: w.idByEmail.get(normaliseEmail(group.coordinatorEmail))!,
        boroughCodes: group.boroughCodes,
      });
    }
  });
  return result;
}
