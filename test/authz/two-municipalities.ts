/**
 * The world of the authorization and hostile-input proofs: the Haarlem demo with a second municipality
 * (Amsterdam, one district) beside it, loaded through the same use cases as any municipality (geography,
 * category tree, team), and in both the same records created through the API by their own staff: a report with a
 * photo, a district meeting, an absence, an observation with a photo, a patrol plan, the administration's records
 * (a throwaway user, a team, a coordinator group, a partner organisation, an officer portrait), a report forwarded
 * to the partner organisation, and signed reporter links. `records` names them by the path parameter an operation
 * takes, so a test fills `{reportId}` with Haarlem's or Amsterdam's (a record under `pathRecordKey` stands in for
 * one family of paths only).
 */
import sharp from 'sharp';
import type { Db } from '../../src/db/db.ts';
import type { App } from '../../src/http/deps.ts';
import { importCategoryTree, type CategoryTreeMain } from '../../src/domain/categories/index.ts';
import { importGeography, toRd } from '../../src/domain/geography/index.ts';
import { importTeam, roles, type Role } from '../../src/domain/people/index.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { createReporterLinkToken } from '../../src/shared/reporter-links.ts';
import { bearerFor, testConfig } from '../support/app.ts';
import { pathRecordKey } from './requests.ts';

export const HAARLEM = 'GM0392';
export const AMSTERDAM = 'GM0363';
const API = '/api/v1';
const clock = fixedClock('2026-11-24T09:00:00+01:00');

/** The Haarlem demo user who stands for each role (see src/db/seed/haarlem-team.ts). */
const haarlemUsers: Record<Role, string> = {
  officer: 'sanne.bakker@haarlem.example',
  coordinator: 'coordinator.centrum@haarlem.example',
  team_manager: 'teammanager@haarlem.example',
  analyst: 'analist@haarlem.example',
  contact_centre: 'kcc@haarlem.example',
  partner: 'spaarnelanden@partner.example',
  administrator: 'admin@haarlem.example',
};

/** One municipality's records, by the name of the path parameter that takes them. */
export type Records = Record<string, string>;

export interface TwoMunicipalities {
  /** Bearer headers of a Haarlem user per role. */
  as: Record<Role, { authorization: string }>;
  /** Haarlem's records (`own`) and Amsterdam's (`other`), by path parameter name. */
  own: Records;
  other: Records;
  /** Bodies that pass an operation's request check where the one built from the document would not. */
  bodies: Record<string, { payload: string | Buffer; headers: Record<string, string> }>;
}

const DAM = toRd(4.8924, 52.3731);
const GROTE_MARKT = { type: 'Point' as const, coordinates: [4.6365, 52.3812] as [number, number] };
const DAM_POINT = { type: 'Point' as const, coordinates: [4.8924, 52.3731] as [number, number] };

function square([x, y]: [number, number], half: number) {
  const ring = [
    [x - half, y - half],
    [x + half, y - half],
    [x + half, y + half],
    [x - half, y + half],
    [x - half, y - half],
  ];
  return { geojson: JSON.stringify({ type: 'Polygon', coordinates: [ring] }), srid: 28992 };
}

const amsterdamCategories: CategoryTreeMain[] = [
  {
    code: 'openbare-ruimte',
    nameNl: 'Openbare ruimte',
    nameEn: 'Public space',
    subcategories: [
      { code: 'hondenpoep', nameNl: 'Hondenpoep', nameEn: 'Dog fouling', deadline: { amount: 21, unit: 'days' } },
      {
        code: 'alleen-amsterdam',
        nameNl: 'Alleen in Amsterdam',
        nameEn: 'Amsterdam only',
        deadline: { amount: 5, unit: 'workdays' },
      },
    ],
  },
];

const amsterdamOfficer = 'officer@amsterdam.example';
const amsterdamCoordinator = 'coordinator@amsterdam.example';
const amsterdamAdministrator = 'admin@amsterdam.example';

/** Amsterdam through the loaders every municipality goes through: geography, category tree, team. */
async function importAmsterdam(db: Db): Promise<void> {
  const geometry = square(DAM, 1500);
  await importGeography(
    { db },
    {
      municipality: { code: AMSTERDAM, name: 'Amsterdam' },
      districts: [
        {
          code: 'WK036301',
          name: 'Burgwallen-Oude Zijde',
          municipalityCode: AMSTERDAM,
          municipalityName: 'Amsterdam',
          population: null,
          waterOnly: false,
          geometry,
        },
      ],
      neighbourhoods: [
        {
          code: 'BU03630100',
          name: 'Kop Zeedijk',
          districtCode: 'WK036301',
          municipalityCode: AMSTERDAM,
          waterOnly: false,
          geometry,
        },
      ],
      boroughs: [{ code: 'centrum', name: 'Centrum', districtCodes: ['WK036301'] }],
    },
  );
  await importCategoryTree({ db }, AMSTERDAM, amsterdamCategories);
  await importTeam(
    { db, clock: fixedClock('2024-01-01T00:00:00+01:00') },
    AMSTERDAM,
    {
      officers: [
        {
          name: 'Amsterdamse handhaver',
          email: amsterdamOfficer,
          districts: [{ code: 'WK036301' }],
          districtWeekdays: [1, 3],
        },
      ],
      teams: [{ code: 'waternet', name: 'Waternet', kind: 'partner' }],
      staff: [
        { name: 'Amsterdamse coördinator', email: amsterdamCoordinator, roles: ['coordinator'] },
        { name: 'Amsterdamse beheerder', email: amsterdamAdministrator, roles: ['administrator'] },
      ],
      coordinatorGroups: [{ name: 'Centrum', coordinatorEmail: amsterdamCoordinator, boroughCodes: ['centrum'] }],
    },
    { password: 'authz-test-password' },
  );
}

async function userId(db: Db, email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
  if (!rows[0]) throw new Error(`no user ${email}`);
  return rows[0].id;
}

const smallJpeg = () =>
  sharp({ create: { width: 16, height: 16, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();

function multipartPhoto(data: Buffer) {
  const boundary = '----wijkpost-authz-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Creates one municipality's records through the API as its own staff; each call must succeed. */
async function createRecords(
  app: App,
  db: Db,
  place: {
    district: string;
    point: typeof GROTE_MARKT;
    officer: string;
    planner: string;
    administrator: string;
    partnerCode: string;
  },
): Promise<Records> {
  const officer = await userId(db, place.officer);
  const asOfficer = await bearerFor(db, officer, clock);
  const asPlanner = await bearerFor(db, await userId(db, place.planner), clock);
  const asAdministrator = await bearerFor(db, await userId(db, place.administrator), clock);
  const call = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) => {
    const response = await app.inject({ method: method as 'GET', url: API + url, headers, payload: payload as object });
    if (response.statusCode >= 300) throw new Error(`set-up ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const photo = multipartPhoto(await smallJpeg());
  const report = await call(
    'POST',
    '/reports',
    {},
    {
      category: 'hondenpoep',
      description: 'Hondenpoep op de stoep.',
      location: place.point,
      reporter: { email: 'melder@example.org', consentToShareWithPartners: false },
    },
  );
  await app.inject({ method: 'POST', url: `${API}/public/reports/${report.trackingCode}/photos`, ...photo });
  const photos = await call('GET', `/reports/${report.id}/photos`, asPlanner);
  const meeting = await call('POST', '/district-meetings', asOfficer, {
    districtCode: place.district,
    startsAt: '2026-12-03T19:30:00+01:00',
    title: 'Wijkraad',
    officerId: officer,
  });
  const absence = await call('POST', `/officers/${officer}/absences`, asOfficer, {
    kind: 'training',
    startsAt: '2026-12-07T08:00:00+01:00',
    endsAt: '2026-12-07T17:00:00+01:00',
  });
  const observation = await call('POST', '/observations', asOfficer, {
    categoryCode: 'hondenpoep',
    location: place.point,
  });
  await app.inject({
    method: 'POST',
    url: `${API}/observations/${observation.id}/photos`,
    ...photo,
    headers: { ...photo.headers, ...asOfficer },
  });
  await call('POST', '/analysis/patrol-plans', asPlanner, { weekStart: '2026-11-30' });
  const plans = await call('GET', '/patrol-plans?weekStart=2026-11-30', asPlanner);
  const plan = plans.plans.find((p: { officer: { id: string } }) => p.officer.id === officer) ?? plans.plans[0];
  if (!photos.items[0] || !plan) throw new Error('set-up: no photo or no patrol plan');
  const administration = await createAdministrationRecords(call, asAdministrator, place, officer, photo);
  const partnerReport = await call(
    'POST',
    '/reports',
    {},
    {
      category: 'hondenpoep',
      description: 'Hondenpoep bij de ingang.',
      location: place.point,
    },
  );
  await call('POST', `/reports/${partnerReport.id}/assignment`, asPlanner, {
    kind: 'partner',
    id: administration.partnerId,
    text: 'Graag oppakken',
  });
  const link = (purpose: 'feedback' | 'answer') =>
    createReporterLinkToken(
      { reportId: report.id, purpose, expiresAt: new Date('2027-01-31T00:00:00Z') },
      testConfig().LINK_SIGNING_SECRET,
    );
  return {
    ...administration,
    token: link('feedback'),
    [pathRecordKey('/public/answers/', 'token')]: link('answer'),
    [pathRecordKey('/partner/reports/', 'reportId')]: partnerReport.id,
    reportId: report.id,
    trackingCode: report.trackingCode,
    photoId: photos.items[0].id,
    meetingId: meeting.id,
    absenceId: absence.absence.id,
    officerId: officer,
    observationId: observation.id,
    planId: plan.id,
    districtCode: place.district,
  };
}

/** The set-up call of createRecords: resolves to the answer's JSON. */
type Call = (method: string, url: string, headers: Record<string, string>, payload?: unknown) => Promise<unknown>;

/**
 * The administration's records, made by the municipality's administrator: a throwaway user (deactivated and
 * reset by the proofs, never one who signs in), a team, a coordinator group, the partner organisation reports are
 * forwarded to, and an officer portrait.
 */
async function createAdministrationRecords(
  call: Call,
  asAdministrator: Record<string, string>,
  place: { officer: string; partnerCode: string },
  officerId: string,
  portrait: { payload: Buffer; headers: Record<string, string> },
): Promise<Records> {
  const domain = place.officer.split('@')[1];
  const user = (await call('POST', '/users', asAdministrator, {
    name: 'Wegwerpaccount',
    email: `wegwerp@${domain}`,
    roles: ['analyst'],
  })) as { user: { id: string } };
  const team = (await call('POST', '/teams', asAdministrator, {
    code: 'authz-team',
    name: 'Authz-team',
    kind: 'team',
  })) as { id: string };
  const group = (await call('POST', '/coordinator-groups', asAdministrator, { name: 'Authz-groep' })) as {
    id: string;
  };
  const teams = (await call('GET', '/teams', asAdministrator)) as Array<{ id: string; code: string }>;
  const partner = teams.find((t) => t.code === place.partnerCode);
  if (!partner) throw new Error(`set-up: no partner organisation ${place.partnerCode}`);
  const { photoUrl } = (await call(
    'PUT',
    `/officers/${officerId}/photo`,
    { ...portrait.headers, ...asAdministrator },
    portrait.payload,
  )) as { photoUrl: string };
  return {
    [pathRecordKey('/public/officer-photos/', 'photoId')]: photoUrl.slice(photoUrl.lastIndexOf('/') + 1),
    userId: user.user.id,
    teamId: team.id,
    groupId: group.id,
    partnerId: partner.id,
  };
}

export async function buildTwoMunicipalities(app: App, db: Db): Promise<TwoMunicipalities> {
  await importAmsterdam(db);
  const as = {} as TwoMunicipalities['as'];
  for (const role of roles) as[role] = await bearerFor(db, await userId(db, haarlemUsers[role]), clock);
  const own = await createRecords(app, db, {
    district: 'WK039201',
    point: GROTE_MARKT,
    officer: haarlemUsers.officer,
    planner: haarlemUsers.coordinator,
    administrator: haarlemUsers.administrator,
    partnerCode: 'spaarnelanden',
  });
  const other = await createRecords(app, db, {
    district: 'WK036301',
    point: DAM_POINT,
    officer: amsterdamOfficer,
    planner: amsterdamCoordinator,
    administrator: amsterdamAdministrator,
    partnerCode: 'waternet',
  });
  const json = (body: object) => ({ payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const bodies: TwoMunicipalities['bodies'] = {
    // The demo password of the test template (test/support/template-content.ts).
    'POST /sessions': json({ email: haarlemUsers.administrator, password: 'wijkpost-demo', tokenType: 'bearer' }),
    'PATCH /categories/{code}': json({ nameEn: 'Renamed' }),
    'PATCH /district-meetings/{meetingId}': json({ title: 'Wijkraad (verplaatst)' }),
    'POST /observations/{observationId}/photos': multipartPhoto(await smallJpeg()),
    'PUT /officers/{officerId}/photo': multipartPhoto(await smallJpeg()),
  };
  return {
    as,
    bodies,
    own: { ...own, municipalityCode: HAARLEM, code: 'veeg-zwerfvuil', addressId: 'adr-0392010000000001' },
    other: { ...other, municipalityCode: AMSTERDAM, code: 'alleen-amsterdam', addressId: 'adr-0363010000000001' },
  };
}
