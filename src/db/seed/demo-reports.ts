/**
 * Sample reports for the Haarlem demo: created through the reports area's own intake with a clock set to
 * each report's moment, so deadlines, routing and history are what they would have been; older ones are
 * picked up and resolved by their assignee. Deterministic: one seeded PRNG decides everything.
 */
import type { Db } from '../db.ts';
import { toCrs84 } from '../../domain/geography/index.ts';
import { changeReportStatus, createReport, type ReportStatus } from '../../domain/reports/index.ts';
import type { StaffUser } from '../../domain/people/index.ts';
import { fixedClock } from '../../shared/clock.ts';
import { loadStaff } from './demo-staff.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function weighted<T>(random: () => number, entries: ReadonlyArray<readonly [T, number]>): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random() * total;
  for (const [value, weight] of entries) {
    pick -= weight;
    if (pick < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

const categoryWeights = [
  ['hondenpoep', 18],
  ['veeg-zwerfvuil', 14],
  ['fout-geparkeerd', 12],
  ['parkeeroverlast', 10],
  ['grofvuil', 10],
  ['huisafval-naast-container', 10],
  ['fietswrak', 6],
  ['graffiti-wildplak', 5],
  ['geluidsoverlast', 5],
  ['wildplassen', 3],
  ['jongerenoverlast', 3],
  ['overlast-terrassen', 2],
  ['vuurwerkoverlast', 1],
  ['autowrak', 1],
  ['uitstallingen-reclameborden', 1],
  ['drank-en-drugsoverlast', 1],
] as const;

const descriptions: Record<string, string> = {
  hondenpoep: 'Veel hondenpoep op de stoep en in het plantsoen.',
  'veeg-zwerfvuil': 'Zwerfvuil langs de stoep en in de struiken.',
  'fout-geparkeerd': 'Auto staat al dagen op de stoep geparkeerd.',
  parkeeroverlast: 'Auto’s parkeren voor de uitrit en op het fietspad.',
  grofvuil: 'Een bank en een matras naast de container gezet.',
  'huisafval-naast-container': 'Vuilniszakken naast de ondergrondse container.',
  fietswrak: 'Fiets zonder zadel en met lekke banden staat al weken in het rek.',
  'graffiti-wildplak': 'Nieuwe graffiti op de muur van het trafohuisje.',
  geluidsoverlast: 'Harde muziek tot laat in de avond.',
  wildplassen: 'Er wordt ’s avonds tegen de muur geplast.',
  jongerenoverlast: 'Groep jongeren laat rommel achter bij het bankje.',
  'overlast-terrassen': 'Terras staat ver buiten de vergunde grens.',
  vuurwerkoverlast: 'Er wordt steeds vuurwerk afgestoken in de straat.',
  autowrak: 'Auto zonder kentekenplaten staat al lang op dezelfde plek.',
  'uitstallingen-reclameborden': 'Reclamebord midden op de stoep, lastig met de kinderwagen.',
  'drank-en-drugsoverlast': 'Mensen drinken en gebruiken in het portiek.',
};
const resolutionTexts = [
  'Ter plekke geweest; opgeruimd en de bewoners aangesproken.',
  'Gecontroleerd en een waarschuwing gegeven.',
  'Doorgegeven aan Spaarnelanden, inmiddels opgehaald.',
  'Niets meer aangetroffen bij controle.',
];

interface PlannedEvent {
  at: number;
  run: () => Promise<void>;
}

export interface DemoReportCounts {
  created: number;
  inProgress: number;
  resolved: number;
}

/** About `count` reports over the past `weeks` weeks, spread over the districts by population. Does nothing when any report exists. */
export async function seedDemoReports(
  db: Db,
  options: {
    now: Date;
    municipalityCode?: string;
    count?: number;
    weeks?: number;
    onProgress?: (done: number, total: number) => void;
  },
): Promise<DemoReportCounts> {
  const municipalityCode = options.municipalityCode ?? 'GM0392';
  const counts: DemoReportCounts = { created: 0, inProgress: 0, resolved: 0 };
  const existing = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM reports WHERE municipality_code = $1',
    [municipalityCode],
  );
  if ((existing.rows[0]?.n ?? 0) > 0) return counts;
  const random = seededRandom(20_261_128);
  const staff = await loadStaff(db, municipalityCode);
  const coordinator = staff.find((s) => s.roles.includes('coordinator'));
  const contactCentre = staff.find((s) => s.roles.includes('contact_centre'));
  const places = await demoPlaces(db, municipalityCode, options.count ?? 300);
  const span = (options.weeks ?? 8) * 7 * DAY;
  const end = options.now.getTime() - HOUR;
  const clock = fixedClock(options.now);
  const events: PlannedEvent[] = [];
  const earlier: Array<{ category: string; coordinates: [number, number] }> = [];

  for (const place of places) {
    const day = Math.floor((random() * span) / DAY) * DAY;
    const at = Math.min(end, end - span + day + (7 + random() * 15) * HOUR);
    // A fifth repeat an earlier report a few metres away: residents do, and the duplicate hint exists for it.
    const repeat = earlier.length > 10 && random() < 0.2 ? earlier[Math.floor(random() * earlier.length)]! : null;
    const category = repeat?.category ?? weighted(random, categoryWeights);
    const coordinates: [number, number] = repeat
      ? [repeat.coordinates[0] + (random() - 0.5) * 0.0006, repeat.coordinates[1] + (random() - 0.5) * 0.0004]
      : place;
    earlier.push({ category, coordinates });
    const source = weighted(random, [
      ['web', 80],
      ['phone', 12],
      ['street', 8],
    ] as const);
    const email = source === 'web' && random() < 0.4 ? `melder${earlier.length}@example.org` : null;
    const ageDays = (options.now.getTime() - at) / DAY;
    const outcome = pickOutcome(random, ageDays);
    const pickedUpAfter = (2 + random() * 30) * HOUR;
    const resolvedAfter = pickedUpAfter + (4 + random() * 24 * Math.min(ageDays, 6)) * HOUR;
    const text = resolutionTexts[Math.floor(random() * resolutionTexts.length)]!;

    let reportId = '';
    let actor: StaffUser | undefined;
    events.push({
      at,
      run: async () => {
        clock.set(new Date(at));
        const officer = source === 'street' ? staff.find((s) => s.roles.includes('officer')) : undefined;
        const { report } = await createReport(
          { db, clock },
          {
            body: {
              category,
              description: descriptions[category] ?? 'Overlast in de straat.',
              source,
              location: { type: 'Point', coordinates },
              ...(email ? { reporter: { email, consentToShareWithPartners: random() < 0.5 } } : {}),
            },
            contentCrs: undefined,
            caller: { staff: source === 'phone' ? (contactCentre ?? null) : (officer ?? null), ip: '127.0.0.1' },
            idempotencyKey: undefined,
          },
        );
        reportId = report.id;
        actor =
          report.assignee.kind === 'officer'
            ? (staff.find((s) => s.id === report.assignee.id) ?? coordinator)
            : coordinator;
        counts.created += 1;
        options.onProgress?.(counts.created, places.length);
      },
    });
    const change = (after: number, status: ReportStatus, counter: keyof DemoReportCounts | null, withText?: string) => {
      if (at + after >= end) return;
      events.push({
        at: at + after,
        run: async () => {
          if (!actor) return;
          clock.set(new Date(at + after));
          await changeReportStatus({ db, clock }, { reportId, actor, status, ...(withText ? { text: withText } : {}) });
          if (counter) counts[counter] += 1;
        },
      });
    };
    if (outcome !== 'new') change(pickedUpAfter, 'in_progress', outcome === 'in_progress' ? 'inProgress' : null);
    if (outcome === 'resolved') change(resolvedAfter, 'resolved', 'resolved', text);
  }
  events.sort((a, b) => a.at - b.at);
  for (const event of events) await event.run();
  return counts;
}

function pickOutcome(random: () => number, ageDays: number): 'new' | 'in_progress' | 'resolved' {
  const chance = random();
  if (ageDays > 14) return chance < 0.85 ? 'resolved' : chance < 0.93 ? 'in_progress' : 'new';
  if (ageDays > 5) return chance < 0.55 ? 'resolved' : chance < 0.8 ? 'in_progress' : 'new';
  if (ageDays > 1) return chance < 0.2 ? 'resolved' : chance < 0.5 ? 'in_progress' : 'new';
  return chance < 0.2 ? 'in_progress' : 'new';
}

/** Reproducible random points (CRS84) inside the districts, as many per district as its share of the population. */
async function demoPlaces(db: Db, municipalityCode: string, total: number): Promise<Array<[number, number]>> {
  const { rows } = await db.query<{ x: number; y: number }>(
    `WITH shares AS (
       SELECT code, geom, greatest(2, round($2::float8 * COALESCE(population, 0) / NULLIF(sum(COALESCE(population, 0)) OVER (), 0)))::int AS n,
              row_number() OVER (ORDER BY code)::int AS seed
         FROM districts WHERE municipality_code = $1
     )
     SELECT ST_X(p.geom) AS x, ST_Y(p.geom) AS y
       FROM shares CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(shares.geom, shares.n, shares.seed)) p
      ORDER BY shares.code, p.path`,
    [municipalityCode, total],
  );
  const random = seededRandom(7);
  const points = rows.map((r) => toCrs84(Number(r.x), Number(r.y)));
  // Shuffled (deterministically) so time and place are not in district order.
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j]!, points[i]!];
  }
  return points;
}
