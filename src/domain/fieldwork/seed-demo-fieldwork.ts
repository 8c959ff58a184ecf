import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, isoWeekday, localDateOf, zonedInstant } from '../../shared/time/index.ts';
import { findMunicipalityTimeZone } from '../geography/index.ts';
import { insertContact } from './repository-contacts.ts';
import type { Counterpart } from './schemas.ts';

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
 * Does nothing when the municipality has rounds already.
 */
export async function seedDemoFieldwork(
  deps: { db: Queryable; clock: Clock },
  municipalityCode = 'GM0392',
): Promise<{ rounds: number; contacts: number; observations: number }> {
  const counts = { rounds: 0, contacts: 0, observations: 0 };
  const existing = await deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM presence_rounds WHERE municipality_code = $1',
    [municipalityCode],
  );
  const timeZone = await findMunicipalityTimeZone(deps.db, municipalityCode);
  if (!timeZone || (existing.rows[0]?.n ?? 0) > 0) return counts;
  const { rows: districts } = await deps.db.query<{ code: string; owner_id: string; district_weekdays: number[] }>(
    `SELECT d.code, a.owner_id, o.district_weekdays
       FROM districts d
       JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
       JOIN officers o ON o.user_id = a.owner_id
      WHERE d.municipality_code = $1 ORDER BY d.code`,
    [municipalityCode],
  );
  const { rows: categories } = await deps.db.query<{ id: string; code: string }>(
    'SELECT id, code FROM categories WHERE municipality_code = $1 AND code = ANY($2::text[])',
    [municipalityCode, demoCategories],
  );
  const now = deps.clock.now();
  const today = localDateOf(now, timeZone);
  for (const [d, district] of districts.entries()) {
    for (let back = DEMO_WEEKS * 7; back >= 1; back--) {
      const day = addDays(today, -back);
      if (!district.district_weekdays.includes(isoWeekday(day))) continue;
      const seed = d * 1000 + back;
      const startedAt = zonedInstant(day, 10 * 60 + spread(seed, 60), timeZone);
      const endedAt = new Date(startedAt.getTime() + (90 + spread(seed + 7, 90)) * 60_000);
      await deps.db.query(
        `INSERT INTO presence_rounds (municipality_code, officer_id, district_code, started_at, ended_at, ended_reason) VALUES ($1, $2, $3, $4, $5, 'stopped')`,
        [municipalityCode, district.owner_id, district.code, startedAt, endedAt],
      );
      counts.rounds++;
      if (spread(seed + 3, 4) > 0) {
        const [counterpart, topic] = demoTopics[spread(seed + 5, demoTopics.length)]!;
        await insertContact(deps.db, {
          municipalityCode,
          officerId: district.owner_id,
          counterpart,
          topic,
          districtCode: district.code,
          occurredAt: new Date(startedAt.getTime() + 45 * 60_000),
          partnerTeamId: null,
          createdAt: endedAt,
        });
        counts.contacts++;
      }
      const category = categories[spread(seed + 11, Math.max(categories.length, 1))];
      if (category && spread(seed + 13, 2) === 0) {
        await insertDemoObservation(deps.db, {
          municipalityCode,
          officerId: district.owner_id,
          categoryId: category.id,
          districtCode: district.code,
          observedAt: new Date(startedAt.getTime() + 30 * 60_000),
          createdAt: endedAt,
          seed,
        });
        counts.observations++;
      }
    }
  }
  return counts;
}

/** A reproducible random point inside the district, with the neighbourhood that covers it. */
async function insertDemoObservation(
  db: Queryable,
  o: {
    municipalityCode: string;
    officerId: string;
    categoryId: string;
    districtCode: string;
    observedAt: Date;
    createdAt: Date;
    seed: number;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO observations (municipality_code, officer_id, category_id, location, district_code, neighbourhood_code, observed_at, note, created_at)
     SELECT $1, $2, $3, p.pt, d.code,
            (SELECT n.code FROM neighbourhoods n WHERE n.district_code = d.code AND ST_Covers(n.geom, p.pt) LIMIT 1),
            $5, NULL, $6
       FROM districts d CROSS JOIN LATERAL (SELECT ST_GeometryN(ST_GeneratePoints(d.geom, 1, $7), 1) AS pt) p
      WHERE d.code = $4`,
    [o.municipalityCode, o.officerId, o.categoryId, o.districtCode, o.observedAt, o.createdAt, o.seed + 1],
  );
}
