/**
 * The Haarlem demo team: invented people (any likeness is chance), real CBS districts.
 * Weekdays are ISO (1 = Monday). District days are spread so every weekday has officers in the field.
 * Loaded through the people area's `importTeam`.
 */
import type { Db } from '../db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { importTeam, type TeamImport } from '../../domain/people/index.ts';

const MUNICIPALITY = 'GM0392';
/** Demo ownership starts before any demo or test clock, so later re-assignments always close it cleanly. */
const DEMO_SINCE = new Date('2024-01-01T00:00:00+01:00');
/** The municipality's general number: officers share it publicly instead of a private line. */
const PUBLIC_PHONE = '14 023';

export interface DemoOfficer {
  name: string;
  email: string;
  boroughCode: string;
  districtCodes: string[];
  districtWeekdays: [number, number];
  workingWeekdays?: number[];
  workStart?: string;
  workEnd?: string;
}

const evening = { workStart: '12:00', workEnd: '21:00' };

export const haarlemOfficers: DemoOfficer[] = [
  {
    name: 'Sanne Bakker',
    email: 'sanne.bakker@haarlem.example',
    boroughCode: 'centrum',
    districtCodes: ['WK039201'],
    districtWeekdays: [1, 3],
  },
  {
    name: 'Mohamed El Amrani',
    email: 'mohamed.elamrani@haarlem.example',
    boroughCode: 'zuid-west',
    districtCodes: ['WK039202'],
    districtWeekdays: [2, 4],
  },
  {
    name: 'Lotte Jansen',
    email: 'lotte.jansen@haarlem.example',
    boroughCode: 'zuid-west',
    districtCodes: ['WK039203'],
    districtWeekdays: [3, 5],
  },
  {
    name: 'Daan Visser',
    email: 'daan.visser@haarlem.example',
    boroughCode: 'zuid-west',
    districtCodes: ['WK039204', 'WK039205'],
    districtWeekdays: [1, 4],
  },
  {
    name: 'Kevin Tjon A Fong',
    email: 'kevin.tjonafong@haarlem.example',
    boroughCode: 'oost',
    districtCodes: ['WK039206', 'WK039207'],
    districtWeekdays: [2, 5],
  },
  {
    name: 'Esra Yılmaz',
    email: 'esra.yilmaz@haarlem.example',
    boroughCode: 'oost',
    districtCodes: ['WK039208'],
    districtWeekdays: [1, 3],
    ...evening,
  },
  {
    name: 'Fatima de Vries',
    email: 'fatima.devries@haarlem.example',
    boroughCode: 'oost',
    districtCodes: ['WK039209'],
    districtWeekdays: [2, 4],
  },
  {
    name: 'Rachid Bouzid',
    email: 'rachid.bouzid@haarlem.example',
    boroughCode: 'noord',
    districtCodes: ['WK039210'],
    districtWeekdays: [3, 5],
    ...evening,
  },
  {
    name: 'Anouk Smit',
    email: 'anouk.smit@haarlem.example',
    boroughCode: 'noord',
    districtCodes: ['WK039211'],
    districtWeekdays: [1, 4],
  },
  {
    name: 'Jeroen de Graaf',
    email: 'jeroen.degraaf@haarlem.example',
    boroughCode: 'noord',
    districtCodes: ['WK039212'],
    districtWeekdays: [2, 5],
  },
  {
    name: 'Priya Ramdin',
    email: 'priya.ramdin@haarlem.example',
    boroughCode: 'noord',
    districtCodes: ['WK039213'],
    districtWeekdays: [1, 3],
  },
  {
    name: 'Bram Mulder',
    email: 'bram.mulder@haarlem.example',
    boroughCode: 'noord',
    districtCodes: ['WK039214', 'WK039215'],
    districtWeekdays: [2, 4],
  },
  {
    name: 'Nadia Haddou',
    email: 'nadia.haddou@haarlem.example',
    boroughCode: 'noord',
    districtCodes: ['WK039216', 'WK039217'],
    districtWeekdays: [4, 6],
    workingWeekdays: [2, 3, 4, 5, 6],
  },
  {
    name: 'Tim van Dijk',
    email: 'tim.vandijk@haarlem.example',
    boroughCode: 'schalkwijk',
    districtCodes: ['WK039218'],
    districtWeekdays: [3, 5],
  },
  {
    name: 'Ayşe Demir',
    email: 'ayse.demir@haarlem.example',
    boroughCode: 'schalkwijk',
    districtCodes: ['WK039219'],
    districtWeekdays: [1, 4],
  },
  {
    name: 'Joost Kramer',
    email: 'joost.kramer@haarlem.example',
    boroughCode: 'schalkwijk',
    districtCodes: ['WK039220'],
    districtWeekdays: [2, 5],
  },
  {
    name: 'Samira Ouali',
    email: 'samira.ouali@haarlem.example',
    boroughCode: 'schalkwijk',
    districtCodes: ['WK039221'],
    districtWeekdays: [1, 5],
    ...evening,
  },
];

/** District → the colleague (same borough) who backs its owner up. About half the districts have one. */
export const haarlemBackups: Record<string, string> = {
  WK039202: 'lotte.jansen@haarlem.example',
  WK039203: 'mohamed.elamrani@haarlem.example',
  WK039206: 'esra.yilmaz@haarlem.example',
  WK039208: 'fatima.devries@haarlem.example',
  WK039209: 'esra.yilmaz@haarlem.example',
  WK039210: 'anouk.smit@haarlem.example',
  WK039211: 'rachid.bouzid@haarlem.example',
  WK039212: 'priya.ramdin@haarlem.example',
  WK039216: 'bram.mulder@haarlem.example',
  WK039218: 'ayse.demir@haarlem.example',
  WK039219: 'tim.vandijk@haarlem.example',
  WK039221: 'joost.kramer@haarlem.example',
};

export const haarlemTeams = [
  {
    code: 'spaarnelanden',
    name: 'Spaarnelanden',
    kind: 'partner' as const,
    contact: { name: 'Wim de Boer', phone: '023-751 7200', email: 'meldingen@spaarnelanden.example' },
  },
  { code: 'parkeren', name: 'Team Parkeren', kind: 'team' as const },
  {
    code: 'politie',
    name: 'Politie Kennemerland',
    kind: 'partner' as const,
    contact: { name: 'Sandra Visser', phone: '0900-8844', email: 'wijkagent.haarlem@politie.example' },
  },
];

export const haarlemStaff = [
  { name: 'Marieke Hoekstra', email: 'coordinator.oost@haarlem.example', roles: ['coordinator'] },
  { name: 'Hans Verbeek', email: 'coordinator.centrum@haarlem.example', roles: ['coordinator'] },
  { name: 'Ingrid Bos', email: 'teammanager@haarlem.example', roles: ['team_manager'] },
  { name: 'Youssef Amrani', email: 'analist@haarlem.example', roles: ['analyst'] },
  { name: 'Linda Koster', email: 'kcc@haarlem.example', roles: ['contact_centre'] },
  { name: 'Wim de Boer', email: 'spaarnelanden@partner.example', roles: ['partner'], teamCode: 'spaarnelanden' },
  { name: 'Beheerder Wijkpost', email: 'admin@haarlem.example', roles: ['administrator'] },
] as const;

export const haarlemCoordinatorGroups = [
  {
    name: 'Oost + Schalkwijk',
    coordinatorEmail: 'coordinator.oost@haarlem.example',
    boroughCodes: ['oost', 'schalkwijk'],
  },
  {
    name: 'Centrum + Noord + Zuid-West',
    coordinatorEmail: 'coordinator.centrum@haarlem.example',
    boroughCodes: ['centrum', 'noord', 'zuid-west'],
  },
];

const dutchWeekdays = ['', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];

const joinDutch = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;

export function dutchIntroduction(officer: DemoOfficer, districtNames: string[]): string {
  const firstName = officer.name.split(' ')[0];
  const days = officer.districtWeekdays.map((day) => dutchWeekdays[day]!);
  return (
    `Hallo, ik ben ${firstName}, uw wijkhandhaver in ${joinDutch(districtNames)}. ` +
    `Op ${joinDutch(days)} ben ik in de wijk, te voet of op de fiets. ` +
    'Ziet u iets wat niet klopt, of wilt u gewoon kennismaken? Spreek me gerust aan.'
  );
}

export interface DemoLogin {
  email: string;
  roles: string[];
  name: string;
}

async function districtNames(db: Db): Promise<Map<string, string>> {
  const { rows } = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM districts WHERE municipality_code = $1',
    [MUNICIPALITY],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** The demo team as `importTeam` takes it; the officers introduce themselves with their districts' names. */
export function haarlemTeam(districtNames: ReadonlyMap<string, string>): TeamImport {
  return {
    teams: haarlemTeams,
    officers: haarlemOfficers.map((officer) => ({
      name: officer.name,
      email: officer.email,
      districts: officer.districtCodes.map((code) => {
        const backupEmail = haarlemBackups[code];
        return backupEmail ? { code, backupEmail } : { code };
      }),
      workingWeekdays: officer.workingWeekdays ?? [1, 2, 3, 4, 5],
      districtWeekdays: officer.districtWeekdays,
      workStart: officer.workStart ?? '08:00',
      workEnd: officer.workEnd ?? '17:00',
      introduction: dutchIntroduction(
        officer,
        officer.districtCodes.map((code) => districtNames.get(code) ?? code),
      ),
      publicPhone: PUBLIC_PHONE,
    })),
    staff: haarlemStaff.map((member) => ({
      name: member.name,
      email: member.email,
      roles: [...member.roles],
      ...('teamCode' in member ? { teamCode: member.teamCode } : {}),
    })),
    coordinatorGroups: haarlemCoordinatorGroups,
  };
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
  await importTeam(
    { db: deps.db, clock: fixedClock(DEMO_SINCE) },
    MUNICIPALITY,
    haarlemTeam(await districtNames(deps.db)),
    options,
  );
  return {
    logins: [
      ...haarlemStaff.map((member) => ({ email: member.email, roles: [...member.roles], name: member.name })),
      ...haarlemOfficers.map((officer) => ({ email: officer.email, roles: ['officer'], name: officer.name })),
    ],
  };
}
