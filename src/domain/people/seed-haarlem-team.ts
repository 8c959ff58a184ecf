import type { Db, Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  dutchIntroduction,
  haarlemBackups,
  haarlemCoordinatorGroups,
  haarlemOfficers,
  haarlemStaff,
  haarlemTeams,
} from './haarlem-team.ts';
import { hashPassword } from './passwords.ts';
import { findUserByEmail, insertUser, saveCoordinatorGroup, saveTeam } from './repository.ts';
import { currentAssignment, openAssignment } from './repository-assignments.ts';
import { insertOfficerProfile } from './repository-officers.ts';
import type { Role } from '../../shared/staff.ts';

const MUNICIPALITY = 'GM0392';
/** Demo ownership starts before any demo or test clock, so later re-assignments always close it cleanly. */
const DEMO_ASSIGNMENTS_FROM = new Date('2024-01-01T00:00:00+01:00');
const DEMO_CREATED_AT = DEMO_ASSIGNMENTS_FROM;
/** The municipality's general number: officers share it publicly instead of a private line. */
const PUBLIC_PHONE = '14 023';

export interface DemoLogin {
  email: string;
  roles: string[];
  name: string;
}

async function districtNames(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM districts WHERE municipality_code = $1',
    [MUNICIPALITY],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** Inserts a user unless the e-mail exists; returns its id either way. */
async function ensureUser(
  tx: Queryable,
  user: { email: string; name: string; roles: Role[]; teamId: string | null },
  passwordHash: () => Promise<string>,
) {
  const existing = await findUserByEmail(tx, user.email);
  if (existing) return { id: existing.id, created: false };
  const created = await insertUser(tx, {
    municipalityCode: MUNICIPALITY,
    ...user,
    passwordHash: await passwordHash(),
    createdAt: DEMO_CREATED_AT,
  });
  return { id: created.id, created: true };
}

/**
 * The Haarlem demo team: teams, 17 district officers owning all 21 districts, coordinators per group,
 * and one login per other role. Needs the Haarlem geography. Idempotent: existing users, teams,
 * groups and current assignments are left as they are.
 */
export async function seedHaarlemTeam(
  deps: { db: Db },
  options: { password: string },
): Promise<{ logins: DemoLogin[] }> {
  const names = await districtNames(deps.db);
  const missing = haarlemOfficers.flatMap((officer) => officer.districtCodes).filter((code) => !names.has(code));
  if (missing.length > 0)
    throw new DomainError('conflict', `Import the Haarlem geography first; missing districts: ${missing.join(', ')}.`);

  let hash: Promise<string> | undefined;
  const passwordHash = () => (hash ??= hashPassword(options.password)); // argon2 once for all demo users

  await deps.db.transaction(async (tx) => {
    const teamIds = new Map<string, string>();
    for (const team of haarlemTeams) teamIds.set(team.code, (await saveTeam(tx, MUNICIPALITY, team)).id);

    const idByEmail = new Map<string, string>();
    for (const officer of haarlemOfficers) {
      const { id, created } = await ensureUser(
        tx,
        { email: officer.email, name: officer.name, roles: ['officer'], teamId: null },
        passwordHash,
      );
      idByEmail.set(officer.email, id);
      if (!created) continue;
      await insertOfficerProfile(tx, id, {
        workingWeekdays: officer.workingWeekdays ?? [1, 2, 3, 4, 5],
        districtWeekdays: officer.districtWeekdays,
        workStart: officer.workStart ?? '08:00',
        workEnd: officer.workEnd ?? '17:00',
        introduction: dutchIntroduction(
          officer,
          officer.districtCodes.map((code) => names.get(code)!),
        ),
        photoUrl: null,
        publicPhone: PUBLIC_PHONE,
      });
    }
    for (const member of haarlemStaff) {
      const teamId = 'teamCode' in member ? teamIds.get(member.teamCode)! : null;
      const { id } = await ensureUser(
        tx,
        { email: member.email, name: member.name, roles: [...member.roles], teamId },
        passwordHash,
      );
      idByEmail.set(member.email, id);
    }

    for (const officer of haarlemOfficers) {
      for (const districtCode of officer.districtCodes) {
        if (await currentAssignment(tx, districtCode)) continue;
        const backupEmail = haarlemBackups[districtCode];
        await openAssignment(tx, {
          districtCode,
          ownerId: idByEmail.get(officer.email)!,
          backupId: backupEmail ? idByEmail.get(backupEmail)! : null,
          at: DEMO_ASSIGNMENTS_FROM,
        });
      }
    }

    for (const group of haarlemCoordinatorGroups) {
      await saveCoordinatorGroup(tx, MUNICIPALITY, {
        name: group.name,
        coordinatorId: idByEmail.get(group.coordinatorEmail)!,
        boroughCodes: group.boroughCodes,
      });
    }
  });

  return {
    logins: [
      ...haarlemStaff.map((member) => ({ email: member.email, roles: [...member.roles], name: member.name })),
      ...haarlemOfficers.map((officer) => ({ email: officer.email, roles: ['officer'], name: officer.name })),
    ],
  };
}
