/**
 * Test data for the Signalen import: a deterministic generator of Signalen-shaped signals (the private signals list
 * item of Amsterdam/signals, some with their history merged in) over the Haarlem districts of the demo database,
 * with bad rows whose reasons the tests know. Nothing here is a committed file: the signals are made per run.
 */
import type { Db } from '../../db/db.ts';
import { toCrs84 } from '../geography/index.ts';
import type { SkipCode } from './map-signal.ts';

/** mulberry32: a small seeded generator, so every run makes the same signals. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DistrictPoint {
  districtCode: string;
  lon: number;
  lat: number;
}

/** Points at least 15 m inside each Haarlem district (PostGIS, seeded), as CRS84 through Wijkpost's own projection. */
export async function districtPoints(db: Db, perDistrict: number): Promise<DistrictPoint[]> {
  const { rows } = await db.query<{ code: string; x: number; y: number }>(
    `SELECT d.code, ST_X(p.geom) AS x, ST_Y(p.geom) AS y
       FROM districts d,
            LATERAL ST_Dump(ST_GeneratePoints(ST_Buffer(d.geom, -15), $1, 7)) AS p
      WHERE d.municipality_code = 'GM0392' AND NOT ST_IsEmpty(ST_Buffer(d.geom, -15))
      ORDER BY d.code, p.path`,
    [perDistrict],
  );
  return rows.map((row) => {
    const [lon, lat] = toCrs84(row.x, row.y);
    return { districtCode: row.code, lon, lat };
  });
}

/** Signalen slugs and the Wijkpost code each lands on with `testMapping` (identity where the slugs agree). */
export const slugPairs: ReadonlyArray<{ main: string; sub: string; code: string }> = [
  { main: 'overlast-in-de-openbare-ruimte', sub: 'hondenpoep', code: 'hondenpoep' },
  { main: 'overlast-in-de-openbare-ruimte', sub: 'fietswrak', code: 'fietswrak' },
  { main: 'overlast-in-de-openbare-ruimte', sub: 'parkeeroverlast', code: 'parkeeroverlast' },
  { main: 'overlast-in-de-openbare-ruimte', sub: 'graffiti-wildplak', code: 'graffiti-wildplak' },
  { main: 'overlast-in-de-openbare-ruimte', sub: 'auto-scooter-bromfietswrak', code: 'autowrak' },
  { main: 'afval', sub: 'grofvuil', code: 'grofvuil' },
  { main: 'afval', sub: 'huisafval', code: 'huisafval-naast-container' },
  { main: 'afval', sub: 'veeg-zwerfvuil', code: 'veeg-zwerfvuil' },
  { main: 'overlast-van-en-door-personen-of-groepen', sub: 'jongerenoverlast', code: 'jongerenoverlast' },
  { main: 'overlast-van-en-door-personen-of-groepen', sub: 'wildplassen-poepen-overgeven', code: 'wildplassen' },
  { main: 'overlast-bedrijven-en-horeca', sub: 'geluidsoverlast-muziek', code: 'geluidsoverlast' },
  { main: 'overlast-bedrijven-en-horeca', sub: 'overlast-terrassen', code: 'overlast-terrassen' },
];

/** The mapping file the tests use, as CSV (only the slugs that differ; the rest map by equal code). */
export const testMappingCsv = [
  'main_slug,sub_slug,category',
  'overlast-in-de-openbare-ruimte,auto-scooter-bromfietswrak,autowrak',
  'afval,huisafval,huisafval-naast-container',
  '*,wildplassen-poepen-overgeven,wildplassen',
  'overlast-bedrijven-en-horeca,geluidsoverlast-muziek,geluidsoverlast',
].join('\n');

const states = ['m', 'i', 'b', 'h', 'ingepland', 'o', 'o', 'o', 'a', 'reopened', 's', 'reaction requested', 'sent'];
const displays: Record<string, string> = {
  m: 'Gemeld',
  i: 'In afwachting van behandeling',
  b: 'In behandeling',
  h: 'On hold',
  ingepland: 'Ingepland',
  o: 'Afgehandeld',
  a: 'Geannuleerd',
  reopened: 'Heropend',
  s: 'Gesplitst',
  'reaction requested': 'Reactie gevraagd',
  sent: 'Extern: verzonden',
};

/** `2025-03-04T10:11:12.345678+01:00`: Signalen's form, microseconds and a local offset (Amsterdam, no DST nicety). */
function signalenTime(ms: number): string {
  const offsetHours = new Date(ms).getUTCMonth() >= 3 && new Date(ms).getUTCMonth() <= 9 ? 2 : 1;
  const local = new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 23);
  const micro = String((ms * 7) % 1000).padStart(3, '0');
  return `${local}${micro}+0${offsetHours}:00`;
}

/** The fields of a generated good signal that the tests read back. */
export interface FixtureSignal {
  id: number;
  text: string;
  created_at: string;
  incident_date_start: string | null;
  status: { state: string; state_display: string; text: string | null; created_at: string };
  priority: { priority: 'high' | 'normal' };
}

export interface GeneratedSignals {
  /** The file's signals in order: the good ones with the bad rows among them. */
  signals: unknown[];
  /** The good signals, in id order. */
  good: FixtureSignal[];
  /** Signals that import. */
  valid: number;
  /** Every bad row: its 1-based position in `signals` and the skip code it must get. */
  bad: Array<{ position: number; code: SkipCode }>;
  /** The generating point's district of every valid signal, by id. */
  districtOf: Map<string, string>;
}

/** `count` good signals (ids firstId…) spread over the points, with the bad rows at known places among them. */
export function generateSignals(points: DistrictPoint[], count: number, seed = 42, firstId = 100001): GeneratedSignals {
  const random = seeded(seed);
  const start = Date.parse('2024-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;
  const good: Array<FixtureSignal & Record<string, unknown>> = [];
  const districtOf = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const point = points[i % points.length]!;
    const pair = slugPairs[i % slugPairs.length]!;
    const state = states[i % states.length]!;
    const created = start + Math.floor(random() * span);
    const statusAt = created + Math.floor(random() * 10 * 86_400_000);
    const withHistory = i % 3 === 0;
    districtOf.set(String(id), point.districtCode);
    good.push({
      _links: { self: { href: `https://api.example/signals/v1/private/signals/${id}` } },
      id,
      id_display: `SIG-${id}`,
      source: 'online',
      text:
        i % 97 === 5 ? `Lange melding ${id}: ${'bla '.repeat(400)}einde` : `Melding ${id}: ${pair.sub} bij de stoep`,
      text_extra: '',
      status: {
        state,
        state_display: displays[state]!,
        text: state === 'o' ? 'Opgeruimd, dank voor uw melding.' : null,
        created_at: signalenTime(statusAt),
      },
      location: {
        geometrie: { type: 'Point', coordinates: [point.lon, point.lat] },
        address: {
          openbare_ruimte: 'Teststraat',
          huisnummer: (i % 120) + 1,
          huisletter: i % 5 === 0 ? 'A' : '',
          huisnummer_toevoeging: '',
          postcode: '2011AB',
          woonplaats: 'Haarlem',
        },
        stadsdeel: null,
      },
      category:
        i % 11 === 0
          ? {
              category_url: `https://api.example/signals/v1/public/terms/categories/${pair.main}/sub_categories/${pair.sub}`,
            }
          : { main_slug: pair.main, sub_slug: pair.sub, main: pair.main, sub: pair.sub },
      reporter: {
        email: i % 4 === 0 ? `melder${id}@example.org` : i % 4 === 1 ? '*****' : '',
        phone: i % 8 === 0 ? '0612345678' : '',
        sharing_allowed: i % 2 === 0,
      },
      priority: { priority: i % 13 === 0 ? ('high' as const) : ('normal' as const) },
      created_at: signalenTime(created),
      updated_at: signalenTime(statusAt),
      incident_date_start: i % 6 === 0 ? signalenTime(created - 3_600_000) : null,
      ...(withHistory ? { history: historyOf(id, created, statusAt, state) } : {}),
    });
  }
  const badRows = badSignals(points, random, firstId);
  // Bad rows go in at fixed, increasing places, so their positions are known.
  const signals: unknown[] = [...good];
  const bad: GeneratedSignals['bad'] = [];
  badRows.forEach((row, index) => {
    const at = Math.min(signals.length, 37 * (index + 1));
    signals.splice(at, 0, row.signal);
    bad.push({ position: at + 1, code: row.code });
  });
  return { signals, good, valid: count, bad, districtOf };
}

/** Newest first, as Signalen's history endpoint lists it; with entries the import leaves out (location). */
function historyOf(id: number, created: number, statusAt: number, state: string): unknown[] {
  const entries: Array<Record<string, unknown>> = [
    {
      identifier: `UPDATE_STATUS_${id}1`,
      when: signalenTime(created),
      what: 'UPDATE_STATUS',
      action: 'Status gewijzigd naar: Gemeld',
      description: null,
      who: 'Signalen systeem',
      _signal: id,
    },
    {
      identifier: `UPDATE_LOCATION_${id}`,
      when: signalenTime(created),
      what: 'UPDATE_LOCATION',
      action: 'Locatie gewijzigd naar:',
      description: null,
      who: 'Signalen systeem',
      _signal: id,
    },
    {
      identifier: `CREATE_NOTE_${id}`,
      when: signalenTime(created + 60_000),
      what: 'CREATE_NOTE',
      action: 'Notitie toegevoegd:',
      description: `Notitie bij ${id}`,
      who: 'medewerker@gemeente.example',
      _signal: id,
    },
  ];
  if (state !== 'm')
    entries.push({
      identifier: `UPDATE_STATUS_${id}2`,
      when: signalenTime(statusAt),
      what: 'UPDATE_STATUS',
      action: `Status gewijzigd naar: ${displays[state]}`,
      description: state === 'o' ? 'Opgeruimd, dank voor uw melding.' : null,
      who: 'medewerker@gemeente.example',
      _signal: id,
    });
  return entries.reverse();
}

function badSignals(
  points: DistrictPoint[],
  random: () => number,
  firstId: number,
): Array<{ code: SkipCode; signal: unknown }> {
  const point = points[Math.floor(random() * points.length)]!;
  const base = (id: number): Record<string, unknown> => ({
    id,
    text: `Melding ${id}`,
    created_at: '2025-05-05T10:00:00.000000+02:00',
    status: { state: 'm', created_at: '2025-05-05T10:00:00.000000+02:00' },
    location: { geometrie: { type: 'Point', coordinates: [point.lon, point.lat] } },
    category: { main_slug: 'afval', sub_slug: 'grofvuil' },
  });
  return [
    { code: 'no_location', signal: { ...base(900001), location: null } },
    { code: 'no_location', signal: { ...base(900002), location: { address_text: 'Grote Markt 2' } } },
    {
      code: 'no_location',
      signal: { ...base(900003), location: { geometrie: { type: 'Point', coordinates: ['4.6', '52.3'] } } },
    },
    {
      code: 'outside_municipality',
      signal: { ...base(900004), location: { geometrie: { type: 'Point', coordinates: [4.9003, 52.3677] } } },
    },
    {
      code: 'outside_municipality',
      signal: { ...base(900005), location: { geometrie: { type: 'Point', coordinates: [point.lat, point.lon] } } },
    },
    {
      code: 'unknown_category',
      signal: { ...base(900006), category: { main_slug: 'overlast-van-dieren', sub_slug: 'ratten' } },
    },
    { code: 'unknown_category', signal: { ...base(900007), category: { main_slug: 'afval' } } },
    { code: 'invalid_date', signal: { ...base(900008), created_at: 'gisteren' } },
    { code: 'invalid_date', signal: { ...base(900009), created_at: '2025-02-30T10:00:00+01:00' } },
    { code: 'invalid_date', signal: { ...base(900010), created_at: '2025-03-01T10:00:00' } },
    {
      code: 'invalid_date',
      signal: {
        ...base(900011),
        history: [{ what: 'UPDATE_STATUS', when: 'toen', action: 'Status gewijzigd naar: Gemeld' }],
      },
    },
    { code: 'unknown_state', signal: { ...base(900012), status: { state: 'zoek' } } },
    { code: 'duplicate_in_file', signal: { ...base(firstId) } },
    { code: 'invalid_signal', signal: 42 },
    { code: 'invalid_signal', signal: { ...base(0), id: null } },
  ];
}
