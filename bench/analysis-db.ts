/**
 * Analysis on the PostgreSQL server: 1,000,000 generated reports spread over Haarlem's 21 districts by
 * population (a third of them clustered around 40 hotspots, times with a daily and weekly rhythm), inserted
 * straight into the table with INSERT … SELECT generate_series (not through intake). Measures, in one run:
 * - the full hotspot set for a year through the analysis code path (cell counts in SQL + study region +
 *   Gi* binary and row-standardised in the core, + the 168 hour-of-week counts), against the database's
 *   own GROUP BY of the same rows by cell (the baseline), as a ratio;
 * - peak RSS of this process;
 * - the hotspot endpoint over HTTP (inject) on a period holding 300,000 reports: the first request, then cached,
 *   then right after a new report (the data version moved, so it recounts).
 * Runnable alone: `npx tsx bench/analysis-db.ts` (BENCH_DATABASE_URL, default the local server).
 */
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { seedDemo } from '../src/db/seed/demo.ts';
import { hotspotCells } from '../src/domain/analysis/index.ts';
import { hourOfWeekCounts } from '../src/domain/analysis/index.ts';
import { startSession } from '../src/domain/people/index.ts';
import { buildApp } from '../src/http/app.ts';
import { fixedClock } from '../src/shared/clock.ts';

const REPORTS = Number(process.env.BENCH_ANALYSIS_REPORTS ?? 1_000_000);
const WINDOW = 300_000;
const YEAR_START = '2025-11-24T00:00:00+01:00';
const YEAR_END = '2026-11-24T00:00:00+01:00';
const ROUNDS = 3;

export interface AnalysisDbResult {
  reports: number;
  insertSeconds: number;
  fullSetMs: number;
  groupByMs: number;
  ratio: number;
  peakRssMb: number;
  endpointReports: number;
  coldMs: number;
  warmMs: number;
  /** Median of three requests, each right after a new report (a recount, not the cache). */
  afterNewReportMs: number;
}

async function generateReports(db: Db, count: number): Promise<void> {
  await db.query(
    `WITH share AS (
       SELECT code, geom, greatest(1, round($1::float8 * population / sum(population) OVER ()))::int AS n
         FROM districts WHERE municipality_code = 'GM0392'
     ), spots AS (
       SELECT row_number() OVER () AS k, p.geom FROM districts d, ST_Dump(ST_GeneratePoints(d.geom, 2, 7)) p
        WHERE d.municipality_code = 'GM0392'
     ), places AS (
       SELECT s.code, p.geom, row_number() OVER () AS i
         FROM share s CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(s.geom, s.n, 11)) p
     ), subs AS (
       SELECT array_agg(id ORDER BY code) AS ids FROM categories WHERE municipality_code = 'GM0392' AND parent_id IS NOT NULL
     ), officer AS (SELECT id FROM users WHERE 'officer' = ANY (roles) LIMIT 1)
     INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location, district_code,
                          status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl,
                          routing_reason_en, created_at, updated_at)
     SELECT 'GM0392', 'B' || pl.i, subs.ids[1 + (pl.i * 7919) % cardinality(subs.ids)], 'bench', 'web',
            CASE WHEN pl.i % 3 = 0
                 THEN ST_SetSRID(ST_MakePoint(ST_X(sp.geom) + (pl.i % 61) - 30, ST_Y(sp.geom) + (pl.i % 53) - 26), 28992)
                 ELSE pl.geom END,
            pl.code, 'resolved', false, t.at + interval '3 days', 'officer', officer.id, 'bench', 'bench', 'bench', t.at, t.at
       FROM places pl
       CROSS JOIN subs CROSS JOIN officer
       LEFT JOIN spots sp ON sp.k = 1 + pl.i % 40
       CROSS JOIN LATERAL (
         SELECT $2::timestamptz + ((pl.i * 2654435761) % 365) * interval '1 day'
                + (7 + ((pl.i * 40503) % 15) + CASE WHEN pl.i % 5 = 0 THEN 4 ELSE 0 END) * interval '1 hour'
                + ((pl.i * 97) % 60) * interval '1 minute' AS at
       ) t`,
    [count, YEAR_START],
  );
  // What autovacuum does to an insert-only table soon after (PostgreSQL 13+): statistics and the visibility map.
  await db.query('VACUUM ANALYZE reports');
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchAnalysisDb(db: Db): Promise<AnalysisDbResult> {
  const insert = await timed(() => generateReports(db, REPORTS));
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM reports`);
  const scope = {
    municipalityCode: 'GM0392',
    from: new Date(YEAR_START),
    to: new Date(YEAR_END),
    categoryIds: null,
    districtCodes: null,
    source: 'reports' as const,
  };
  const ours: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // A distinct `to` (by a millisecond) per round is a new cache key, so every round computes the full set.
    const roundScope = { ...scope, to: new Date(scope.to.getTime() + round) };
    ours.push(
      (
        await timed(async () => {
          await hotspotCells(db, roundScope, 125);
          await hourOfWeekCounts(db, roundScope, 'Europe/Amsterdam');
        })
      ).ms,
    );
    baseline.push(
      (
        await timed(() =>
          db.query(
            `SELECT floor(ST_X(location) / 125)::int, floor(ST_Y(location) / 125)::int, count(*)
               FROM reports WHERE municipality_code = 'GM0392' AND created_at >= $1 AND created_at < $2 GROUP BY 1, 2`,
            [roundScope.from, roundScope.to],
          ),
        )
      ).ms,
    );
  }
  const fullSetMs = median(ours);
  const groupByMs = median(baseline);

  // The endpoint on the newest 300,000 reports.
  const edge = await db.query<{ at: Date }>(
    `SELECT created_at AS at FROM reports ORDER BY created_at DESC OFFSET $1 LIMIT 1`,
    [Math.min(WINDOW, rows[0]!.n) - 1],
  );
  const from = new Date(edge.rows[0]!.at).toISOString();
  const analyst = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'analist@haarlem.example'`);
  const clock = fixedClock(YEAR_END);
  const { token } = await startSession({ db, clock }, analyst.rows[0]!.id, 'bearer', 24);
  const app = await buildApp({ db, clock, config: parseConfig({ ...process.env, LOG_LEVEL: 'silent' }) });
  const url = `/api/v1/analysis/hotspots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(YEAR_END)}`;
  const call = () => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const cold = await timed(call);
  const warmRuns: number[] = [];
  for (let i = 0; i < 5; i++) warmRuns.push((await timed(call)).ms);
  // A new report moves the data version (migration 0130): the next answer is recounted, not cached.
  const afterNewReport: number[] = [];
  for (let i = 0; i < 3; i++) {
    await db.query(
      `INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location, district_code,
                            status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl,
                            routing_reason_en, created_at, updated_at)
       SELECT municipality_code, tracking_code || '-new-' || $1::int, category_id, description, source, location, district_code,
              status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl, routing_reason_en,
              created_at, updated_at
         FROM reports ORDER BY created_at DESC LIMIT 1`,
      [i],
    );
    const { ms, value } = await timed(call);
    if ((value.json() as { cached: boolean }).cached)
      throw new Error('the answer after a new report came from the cache');
    afterNewReport.push(ms);
  }
  const body = (await call()).json() as { total: number; cached: boolean };
  await app.close();
  return {
    reports: rows[0]!.n,
    insertSeconds: insert.ms / 1000,
    fullSetMs,
    groupByMs,
    ratio: fullSetMs / groupByMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    endpointReports: body.total,
    coldMs: cold.ms,
    warmMs: median(warmRuns),
    afterNewReportMs: median(afterNewReport),
  };
}

export function printAnalysisDb(r: AnalysisDbResult): void {
  const f = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  console.log(
    `\nAnalysis on the PostgreSQL server: ${f(r.reports)} generated reports (inserted in ${f(r.insertSeconds, 1)} s)`,
  );
  console.log(
    `  full hotspot set for a year (cell counts, Gi* binary + row-standardised, 168 hours): ${f(r.fullSetMs)} ms; ` +
      `the database's own GROUP BY by cell: ${f(r.groupByMs)} ms; ratio ${f(r.ratio, 2)}`,
  );
  console.log(`  peak RSS of the bench process: ${f(r.peakRssMb)} MB`);
  console.log(
    `  hotspot endpoint on ${f(r.endpointReports)} reports (goal < 500 ms): first request ${f(r.coldMs)} ms, ` +
      `cached ${f(r.warmMs, 1)} ms, right after a new report (recounted) ${f(r.afterNewReportMs)} ms`,
  );
}

async function main() {
  const config = parseConfig(process.env);
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `wijkpost_bench_analysis_${Date.now()}`;
  const admin = await openPostgres(serverUrl, { max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 10 });
  try {
    await migrate(db);
    await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD });
    printAnalysisDb(await benchAnalysisDb(db));
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
