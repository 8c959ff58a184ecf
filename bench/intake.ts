/**
 * Report intake over real HTTP on loopback against a bare one-row insert through the same HTTP
 * stack, so the ratio shows what validation, location, deadline, routing and history cost.
 * Expects a database with the Haarlem demo (geography, categories, team, routing rules).
 */
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { toCrs84 } from '../src/domain/geography/index.ts';
import { buildApp } from '../src/http/app.ts';
import type { App } from '../src/http/deps.ts';
import { systemClock } from '../src/shared/clock.ts';

export interface LatencyStats {
  /** Requests per second over the whole run. */
  rps: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
}

const categories = ['hondenpoep', 'veeg-zwerfvuil', 'parkeeroverlast', 'graffiti-wildplak', 'geluidsoverlast', 'fietswrak'];
const warmUpRequests = 20;

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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** `requests` POSTs, at most `concurrency` in flight; every answer must be a 201. */
async function drive(url: string, payloads: string[], concurrency: number): Promise<LatencyStats> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < payloads.length) {
      const body = payloads[next++]!;
      const started = performance.now();
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const text = await response.text();
      latencies.push(performance.now() - started);
      if (response.status !== 201) throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, payloads.length)) }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: payloads.length / seconds, p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99) };
}

function registerBareInsert(db: Db) {
  return (app: App) => {
    app.post('/bench/bare-insert', async (request, reply) => {
      const { rows } = await db.query<{ id: number }>('INSERT INTO bench_bare_inserts (payload, created_at) VALUES ($1::jsonb, $2) RETURNING id', [
        JSON.stringify(request.body),
        new Date(),
      ]);
      return reply.status(201).send({ id: rows[0]!.id });
    });
  };
}

export async function benchIntake(
  db: Db,
  options: { requests: number; concurrency: number },
): Promise<{ intake: LatencyStats; bareInsert: LatencyStats }> {
  await db.exec('CREATE TABLE IF NOT EXISTS bench_bare_inserts (id bigserial PRIMARY KEY, payload jsonb NOT NULL, created_at timestamptz NOT NULL)');
  const points = await districtPoints(db);
  // The benchmark is one caller on loopback: the per-IP intake limit would measure only itself.
  const config = { ...loadConfig(), LOG_LEVEL: 'silent' as const, REPORT_RATE_LIMIT_PER_MINUTE: 1_000_000_000 };
  const app = await buildApp({ db, clock: systemClock, config }, { logger: false, extend: registerBareInsert(db) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const payloads = bodies(points, options.requests + warmUpRequests);
    await drive(`${base}/api/v1/reports`, payloads.slice(0, warmUpRequests), options.concurrency);
    await drive(`${base}/bench/bare-insert`, payloads.slice(0, warmUpRequests), options.concurrency);
    const intake = await drive(`${base}/api/v1/reports`, payloads.slice(warmUpRequests), options.concurrency);
    const bareInsert = await drive(`${base}/bench/bare-insert`, payloads.slice(warmUpRequests), options.concurrency);
    return { intake, bareInsert };
  } finally {
    await app.close();
  }
}
