/**
 * Report intake over real HTTP on loopback against a bare one-row insert through the same HTTP
 * stack, so the ratio shows what validation, location, deadline, routing and history cost.
 * The load comes from wrk in its own process; intake and bare rounds alternate, so a machine that
 * speeds up or slows down during the run (it does, on shared hardware) affects both alike.
 * Expects a database with the Haarlem demo (geography, categories, team, routing rules).
 */
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { toCrs84 } from '../src/domain/geography/index.ts';
import { buildApp } from '../src/http/app.ts';
import type { App } from '../src/http/deps.ts';
import { systemClock } from '../src/shared/clock.ts';
import { runLoad, type LoadResult } from './load.ts';

const categories = [
  'hondenpoep',
  'veeg-zwerfvuil',
  'parkeeroverlast',
  'graffiti-wildplak',
  'geluidsoverlast',
  'fietswrak',
];

async function districtPoints(db: Db): Promise<Array<[number, number]>> {
  const { rows } = await db.query<{ x: number; y: number }>(
    `SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM districts WHERE municipality_code = 'GM0392' ORDER BY code`,
  );
  if (rows.length === 0) throw new Error('benchIntake needs the Haarlem demo data (run the demo seed first).');
  return rows.map((row) => toCrs84(row.x, row.y));
}

function bodies(points: Array<[number, number]>, count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      category: categories[i % categories.length],
      description: `Benchmarkmelding ${i}: overlast bij de ingang`,
      location: { type: 'Point', coordinates: points[i % points.length] },
      reporter: { email: `melder${i}@example.org`, consentToShareWithPartners: i % 2 === 0 },
    }),
  );
}

function registerBareInsert(db: Db) {
  return (app: App) => {
    app.post('/bench/bare-insert', async (request, reply) => {
      const { rows } = await db.query<{ id: number }>(
        'INSERT INTO bench_bare_inserts (payload, created_at) VALUES ($1::jsonb, $2) RETURNING id',
        [JSON.stringify(request.body), new Date()],
      );
      return reply.status(201).send({ id: rows[0]!.id });
    });
  };
}

export interface IntakeRound {
  intake: LoadResult;
  bareInsert: LoadResult;
  /** Intake throughput as a share of the bare insert's in the same round. */
  ratio: number;
}

function assertAllCreated(label: string, result: LoadResult): void {
  if (result.failures > 0)
    throw new Error(`${label}: ${result.failures} of ${result.requests} requests did not get a 2xx answer`);
}

export async function benchIntake(
  db: Db,
  options: { rounds: number; seconds: number; connections: number; warmUpSeconds?: number },
): Promise<IntakeRound[]> {
  await db.exec(
    'CREATE TABLE IF NOT EXISTS bench_bare_inserts (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL)',
  );
  const points = await districtPoints(db);
  // The benchmark is one caller on loopback: the per-IP intake limit would measure only itself.
  const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const, REPORT_RATE_LIMIT_PER_MINUTE: 1_000_000_000 };
  const app = await buildApp({ db, clock: systemClock, config }, { logger: false, extend: registerBareInsert(db) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const payloads = bodies(points, 500);
    const load = (path: string, seconds: number) =>
      runLoad(`${base}${path}`, payloads, { seconds, connections: options.connections });
    // Warm-up: JIT, prepared statements, caches and connections on both endpoints.
    const warmUpSeconds = options.warmUpSeconds ?? 2;
    if (warmUpSeconds > 0) {
      await load('/api/v1/reports', warmUpSeconds);
      await load('/bench/bare-insert', warmUpSeconds);
    }
    const rounds: IntakeRound[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const intake = await load('/api/v1/reports', options.seconds);
      const bareInsert = await load('/bench/bare-insert', options.seconds);
      assertAllCreated('intake', intake);
      assertAllCreated('bare insert', bareInsert);
      rounds.push({ intake, bareInsert, ratio: intake.rps / bareInsert.rps });
    }
    return rounds;
  } finally {
    await app.close();
  }
}
