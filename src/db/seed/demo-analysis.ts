/**
 * Demo data that gives every analysis view something real: six hotspots, each one nuisance with its own
 * time of week, filed as resident reports through the real intake over the past 12 weeks; officer
 * observations of which about a third are the same nuisance as a report (a few metres and hours apart) and
 * the rest never reported; the 2024 and 2025 survey for every district; and next week's patrol plans.
 * Everything goes through the areas' use cases (intake, `importFieldwork`, `importSurvey`, `generatePatrolPlans`).
 * Deterministic, and does nothing when the municipality has survey results already.
 */
import type { Db } from '../db.ts';
import type { Clock } from '../../shared/clock.ts';
import { fixedClock } from '../../shared/clock.ts';
import { addDays, isoWeekday, localDateOf, zonedInstant } from '../../shared/time/index.ts';
import { generatePatrolPlans, importSurvey, nextMonday } from '../../domain/analysis/index.ts';
import { importFieldwork, type FieldworkImport } from '../../domain/fieldwork/index.ts';
import { toCrs84 } from '../../domain/geography/index.ts';
import { createReport } from '../../domain/reports/index.ts';

const TIME_ZONE = 'Europe/Amsterdam';
const WEEKS = 12;
const PER_WEEK = 3;

/** district, subcategory, weekdays and local hours the nuisance happens (the time-of-week pattern). */
const hotspots = [
  { district: 'WK039201', category: 'fout-geparkeerd', weekdays: [5, 6], hours: [20, 21, 22] },
  { district: 'WK039209', category: 'hondenpoep', weekdays: [2, 4], hours: [8, 9] },
  { district: 'WK039203', category: 'huisafval-naast-container', weekdays: [1], hours: [7, 8, 9] },
  { district: 'WK039205', category: 'jongerenoverlast', weekdays: [5, 6], hours: [21, 22] },
  { district: 'WK039212', category: 'veeg-zwerfvuil', weekdays: [6, 7], hours: [11, 12, 13] },
  { district: 'WK039214', category: 'grofvuil', weekdays: [1, 3], hours: [10, 11] },
] as const;

/** A small deterministic spread, so reruns give the same data. */
const spread = (seed: number, range: number) => Math.abs(Math.imul(seed + 1, 2654435761) >> 7) % range;

export interface DemoAnalysisCounts {
  reports: number;
  observations: number;
  surveyRows: number;
  plans: number;
}

async function hotspotCentres(db: Db, codes: readonly string[]) {
  const { rows } = await db.query<{ code: string; x: number; y: number; owner_id: string | null }>(
    `SELECT d.code, ST_X(ST_PointOnSurface(d.geom)) AS x, ST_Y(ST_PointOnSurface(d.geom)) AS y, a.owner_id
       FROM districts d LEFT JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
      WHERE d.code = ANY ($1::text[])`,
    [codes],
  );
  return new Map(rows.map((row) => [row.code, row]));
}

async function seedHotspotReports(db: Db, now: Date, counts: DemoAnalysisCounts) {
  const centres = await hotspotCentres(
    db,
    hotspots.map((h) => h.district),
  );
  const thisMonday = addDays(localDateOf(now, TIME_ZONE), 1 - isoWeekday(localDateOf(now, TIME_ZONE)));
  const clock = fixedClock(now);
  const observations: Required<FieldworkImport>['observations'] = [];
  let seed = 0;
  for (const [h, hotspot] of hotspots.entries()) {
    const centre = centres.get(hotspot.district);
    if (!centre) continue;
    for (let week = WEEKS; week >= 1; week--) {
      for (let i = 0; i < PER_WEEK; i++) {
        seed++;
        const weekday = hotspot.weekdays[spread(seed, hotspot.weekdays.length)]!;
        const hour = hotspot.hours[spread(seed * 7, hotspot.hours.length)]!;
        const at = zonedInstant(
          addDays(thisMonday, -7 * week + weekday - 1),
          hour * 60 + spread(seed * 3, 60),
          TIME_ZONE,
        );
        if (at >= now) continue;
        const x = centre.x + spread(seed * 11, 80) - 40;
        const y = centre.y + spread(seed * 13, 80) - 40;
        clock.set(at);
        await createReport(
          { db, clock },
          {
            body: {
              category: hotspot.category,
              description: 'Steeds weer dezelfde overlast op deze plek.',
              source: 'web',
              location: { type: 'Point', coordinates: toCrs84(x, y) },
            },
            contentCrs: undefined,
            caller: { staff: null, ip: '127.0.0.1' },
            idempotencyKey: undefined,
          },
        );
        counts.reports++;
        const officerId = centre.owner_id;
        if (!officerId) continue;
        const seen = (rd: [number, number], observedAt: Date) =>
          observations.push({
            officerId,
            categoryCode: hotspot.category,
            rd,
            districtCode: hotspot.district,
            observedAt,
            note: 'Zelf gezien tijdens de ronde.',
          });
        // A third of the nuisance the officer saw as well, a few metres and up to two hours later.
        if (i % 3 === 0) seen([x + 8, y - 6], new Date(at.getTime() + (30 + spread(seed, 90)) * 60_000));
        // And nuisance the officer saw that nobody reported, at the same spot on another day.
        if (i % 2 === 1 && h % 2 === 0) seen([x - 15, y + 12], new Date(at.getTime() - 2 * 86_400_000));
      }
    }
  }
  const recorded = observations.filter((observation) => observation.observedAt < now);
  counts.observations = (await importFieldwork({ db }, 'GM0392', { observations: recorded })).observations;
}

async function seedSurvey(db: Db, clock: Clock, counts: DemoAnalysisCounts) {
  const { rows } = await db.query<{ code: string }>(
    `SELECT code FROM districts WHERE municipality_code = 'GM0392' ORDER BY code`,
  );
  const lines = ['year,districtCode,question,share,respondents'];
  for (const [i, { code }] of rows.entries())
    for (const year of [2024, 2025]) {
      const share = 0.25 + spread(i * 31 + year, 25) / 100 + (year === 2025 ? 0.04 + spread(i, 6) / 100 : 0);
      lines.push(`${year},${code},kent u uw wijkhandhaver?,${share.toFixed(2)},${80 + spread(i * year, 120)}`);
    }
  counts.surveyRows = (await importSurvey({ db, clock }, 'GM0392', lines.join('\n'), null)).imported;
}

export async function seedDemoAnalysis(deps: { db: Db; clock: Clock }): Promise<DemoAnalysisCounts> {
  const counts: DemoAnalysisCounts = { reports: 0, observations: 0, surveyRows: 0, plans: 0 };
  const existing = await deps.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM survey_results WHERE municipality_code = 'GM0392'`,
  );
  if ((existing.rows[0]?.n ?? 0) > 0) return counts;
  const now = deps.clock.now();
  await seedHotspotReports(deps.db, now, counts);
  await seedSurvey(deps.db, deps.clock, counts);
  const plans = await generatePatrolPlans(
    deps,
    { municipalityCode: 'GM0392', userId: null },
    { weekStart: nextMonday(now, TIME_ZONE) },
  );
  counts.plans = plans.plans.length;
  return counts;
}
