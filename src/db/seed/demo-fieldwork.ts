import type { Db } from '../db.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, isoWeekday, localDateOf, zonedInstant } from '../../shared/time/index.ts';
import { importFieldwork, type Counterpart, type FieldworkImport } from '../../domain/fieldwork/index.ts';
import { findMunicipalityTimeZone } from '../../domain/geography/index.ts';

const DEMO_WEEKS = 4;
const demoTopics: Array<[Counterpart, string]> = [
  ['shopkeeper', 'Afval naast de containers bij de winkels'],
  ['resident', 'Parkeeroverlast in de avond'],
  ['school', 'Verkeersveiligheid bij het schoolplein'],
  ['partner', 'Afstemming ophaalrondes grofvuil'],
  ['organisation', 'Jongerenwerk: plekken waar jongeren samenkomen'],
];
const demoCategories = ['hondenpoep', 'veeg-zwerfvuil', 'fout-geparkeerd', 'grofvuil', 'fietswrak'];

/** A small deterministic spread so the demo does not look machine-made, and reruns give the same data. */
const spread = (seed: number, range: number) => Math.abs(Math.imul(seed + 1, 2654435761) >> 7) % range;

/**
 * Demo field work for the last four weeks: every district officer walks a round on each district
 * day (1.5–3 h from 10:00), talks to someone most district days and logs an observation now and then.
 * Loaded through the field-work area's `importFieldwork`. Does nothing when the municipality has rounds already.
 */
export async function seedDemoFieldwork(
  deps: { db: Db; clock: Clock },
  municipalityCode = 'GM0392',
): Promise<{ rounds: number; contacts: number; observations: number }> {
  const existing = await deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM presence_rounds WHERE municipality_code = $1',
    [municipalityCode],
  );
  const timeZone = await findMunicipalityTimeZone(deps.db, municipalityCode);
  if (!timeZone || (existing.rows[0]?.n ?? 0) > 0) return { rounds: 0, contacts: 0, observations: 0 };
  const { rows: districts } = await deps.db.query<{ code: string; owner_id: string; district_weekdays: number[] }>(
    `SELECT d.code, a.owner_id, o.district_weekdays
       FROM districts d
       JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
       JOIN officers o ON o.user_id = a.owner_id
      WHERE d.municipality_code = $1 ORDER BY d.code`,
    [municipalityCode],
  );
  const { rows: categories } = await deps.db.query<{ code: string }>(
    'SELECT id, code FROM categories WHERE municipality_code = $1 AND code = ANY($2::text[])',
    [municipalityCode, demoCategories],
  );
  const today = localDateOf(deps.clock.now(), timeZone);
  const work: Required<FieldworkImport> = { rounds: [], contacts: [], observations: [] };
  for (const [d, district] of districts.entries()) {
    for (let back = DEMO_WEEKS * 7; back >= 1; back--) {
      const day = addDays(today, -back);
      if (!district.district_weekdays.includes(isoWeekday(day))) continue;
      const seed = d * 1000 + back;
      const startedAt = zonedInstant(day, 10 * 60 + spread(seed, 60), timeZone);
      const endedAt = new Date(startedAt.getTime() + (90 + spread(seed + 7, 90)) * 60_000);
      const officerId = district.owner_id;
      work.rounds.push({ officerId, districtCode: district.code, startedAt, endedAt });
      if (spread(seed + 3, 4) > 0) {
        const [counterpart, topic] = demoTopics[spread(seed + 5, demoTopics.length)]!;
        const occurredAt = new Date(startedAt.getTime() + 45 * 60_000);
        work.contacts.push({
          officerId,
          counterpart,
          topic,
          districtCode: district.code,
          occurredAt,
          createdAt: endedAt,
        });
      }
      const category = categories[spread(seed + 11, Math.max(categories.length, 1))];
      if (category && spread(seed + 13, 2) === 0) {
        work.observations.push({
          officerId,
          categoryCode: category.code,
          rd: await demoPoint(deps.db, district.code, seed + 1),
          districtCode: district.code,
          observedAt: new Date(startedAt.getTime() + 30 * 60_000),
          createdAt: endedAt,
        });
      }
    }
  }
  return importFieldwork(deps, municipalityCode, work);
}

/** A reproducible random point (RD New) inside the district. */
async function demoPoint(db: Db, districtCode: string, seed: number): Promise<[number, number]> {
  const { rows } = await db.query<{ x: number; y: number }>(
    `SELECT ST_X(p.pt) AS x, ST_Y(p.pt) AS y
       FROM districts d CROSS JOIN LATERAL (SELECT ST_GeometryN(ST_GeneratePoints(d.geom, 1, $2), 1) AS pt) p
      WHERE d.code = $1`,
    [districtCode, seed],
  );
  return [Number(rows[0]!.x), Number(rows[0]!.y)];
}
