/**
 * Minimal people fixtures for this area's tests: a municipality with a few square districts
 * (no reference data needed) and users inserted with one shared argon2 hash.
 */
import type { Db } from '../../db/db.ts';
import { hashPassword } from './passwords.ts';
import { insertUser } from './repository.ts';
import { insertOfficerProfile, type OfficerSchedule } from './repository-officers.ts';
import type { Role } from '../../shared/staff.ts';

export const FIXTURE_PASSWORD = 'correct horse battery';
let sharedHash: Promise<string> | undefined;

function square(x: number, y: number) {
  return `ST_GeomFromText('MULTIPOLYGON(((${x} ${y}, ${x + 1000} ${y}, ${x + 1000} ${y + 1000}, ${x} ${y + 1000}, ${x} ${y})))', 28992)`;
}

/** GM0392 with boroughs oost + schalkwijk and districts WK039206..09 and WK039218; GM0363 with WK036301. */
export async function seedMiniGeography(db: Db): Promise<void> {
  await db.exec(`
    INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem'), ('GM0363', 'Amsterdam', 'amsterdam');
    INSERT INTO boroughs (municipality_code, code, name) VALUES ('GM0392', 'oost', 'Oost'), ('GM0392', 'schalkwijk', 'Schalkwijk'), ('GM0363', 'centrum', 'Centrum');
    INSERT INTO districts (code, municipality_code, borough_id, name, geom) VALUES
      ('WK039206', 'GM0392', (SELECT id FROM boroughs WHERE code = 'oost'), 'Waarder- en Veerpolder', ${square(106000, 488000)}),
      ('WK039207', 'GM0392', (SELECT id FROM boroughs WHERE code = 'oost'), 'Amsterdamsewijk', ${square(107000, 488000)}),
      ('WK039208', 'GM0392', (SELECT id FROM boroughs WHERE code = 'oost'), 'Slachthuiswijk', ${square(108000, 488000)}),
      ('WK039209', 'GM0392', (SELECT id FROM boroughs WHERE code = 'oost'), 'Parkwijk', ${square(109000, 488000)}),
      ('WK039218', 'GM0392', (SELECT id FROM boroughs WHERE code = 'schalkwijk'), 'Europawijk', ${square(106000, 486000)}),
      ('WK036301', 'GM0363', (SELECT id FROM boroughs WHERE code = 'centrum' AND municipality_code = 'GM0363'), 'Burgwallen-Oude Zijde', ${square(121000, 487000)});
    INSERT INTO teams (municipality_code, code, name, kind) VALUES
      ('GM0392', 'spaarnelanden', 'Spaarnelanden', 'partner'), ('GM0392', 'parkeren', 'Team Parkeren', 'team');
  `);
}

export async function addUser(
  db: Db,
  user: {
    email: string;
    name?: string;
    roles: Role[];
    municipalityCode?: string;
    teamId?: string | null;
    schedule?: Partial<OfficerSchedule>;
    publicPhone?: string;
  },
): Promise<string> {
  sharedHash ??= hashPassword(FIXTURE_PASSWORD);
  const created = await insertUser(db, {
    municipalityCode: user.municipalityCode ?? 'GM0392',
    email: user.email,
    name: user.name ?? user.email.split('@')[0]!,
    roles: user.roles,
    teamId: user.teamId ?? null,
    passwordHash: await sharedHash,
    createdAt: new Date('2026-01-01T00:00:00Z'),
  });
  if (user.roles.includes('officer'))
    await insertOfficerProfile(db, created.id, { ...user.schedule, publicPhone: user.publicPhone ?? null });
  return created.id;
}
