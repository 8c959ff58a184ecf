/**
 * `npm run bench`: every benchmark in one run, each against a baseline measured in the same run,
 * reported as ratios. Never run by the tests. Loopback traffic only, bounded request counts.
 */
import { parseConfig } from '../src/config.ts';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { seedDemo } from '../src/db/seed/demo.ts';
import { printAnalysisBenchmarks } from './analysis.ts';
import { benchDistrictLookup } from './district-lookup.ts';
import { benchIntake, type IntakeRound } from './intake.ts';
import { benchNestedJson, printNestedJson } from './nested-json.ts';
import { benchPhotos, printPhotos } from './photos.ts';
import { benchPhotoMemory, printPhotoMemory } from './photo-memory.ts';
import { benchResidentForm } from './web-form.ts';
import { benchWorklistMap } from './web-worklist.ts';
import { benchAnalysisDb, printAnalysisDb } from './analysis-db.ts';

const config = parseConfig(process.env);
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const rounds = Number(process.env.BENCH_ROUNDS ?? 9);
const roundSeconds = Number(process.env.BENCH_ROUND_SECONDS ?? 5);

async function prepared(db: Db): Promise<Db> {
  await migrate(db);
  await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD });
  return db;
}

async function withServerDb<T>(fn: (db: Db) => Promise<T>): Promise<T | undefined> {
  const name = `wijkpost_bench_${Date.now()}`;
  let admin: Db;
  try {
    admin = await openPostgres(serverUrl, { max: 1 });
  } catch (error) {
    console.log(`PostgreSQL server not reachable at ${serverUrl}: skipped (${(error as Error).message})`);
    return undefined;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 20 });
  try {
    return await fn(await prepared(db));
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.close();
  }
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Prints every round and returns the median ratio: one round swings by several points on a 2-core machine. */
function printIntake(label: string, result: IntakeRound[]): number {
  console.log(
    `\nReport intake on ${label}: ${result.length} rounds of ${roundSeconds} s each for intake and bare insert, alternating;`,
  );
  console.log(`  ${connections} connections from wrk in its own process, over HTTP on loopback`);
  result.forEach((round, index) => {
    const line = (name: string, r: IntakeRound['intake']) =>
      `${name} ${fmt(r.rps, 0).padStart(6)} req/s (p50 ${fmt(r.p50, 1)} ms, p99 ${fmt(r.p99, 1)} ms)`;
    console.log(
      `  round ${index + 1}: ${line('intake', round.intake)}   ${line('bare insert', round.bareInsert)}   ratio ${fmt(round.ratio * 100, 1)} %`,
    );
  });
  const ratio = median(result.map((r) => r.ratio));
  console.log(`  median ratio  ${fmt(ratio * 100, 1)} % of the bare baseline's throughput`);
  return ratio;
}

console.log('Wijkpost benchmarks');
const pglite = await prepared(await openPglite({}));
const lookup = await benchDistrictLookup(pglite);
console.log(`\nPoint → district lookup (in process, Haarlem, ${fmt(lookup.lookups)} random points)`);
console.log(`  in-process index ${fmt(lookup.lookupsPerSecond).padStart(12)} lookups/s   (goal ≥ 200,000/s)`);
console.log(
  `  PostGIS baseline ${fmt(lookup.postgisLookupsPerSecond).padStart(12)} lookups/s   ratio ${fmt(lookup.lookupsPerSecond / lookup.postgisLookupsPerSecond, 1)}×`,
);

printPhotos(await benchPhotos());
printPhotoMemory(await benchPhotoMemory());
printNestedJson(await benchNestedJson());

printIntake('PGlite (embedded)', await benchIntake(pglite, { rounds: 3, seconds: roundSeconds, connections }));

const form = await benchResidentForm(pglite);
console.log(`\nResident report form in Chromium (${form.runs} cold loads from the local server)`);
console.log(`  JavaScript       ${fmt(form.scriptKilobytesGzipped, 1)} kB gzipped   (goal ≤ 150 kB)`);
console.log(
  `  usable after     median ${fmt(form.usableMs.median)} ms, p90 ${fmt(form.usableMs.p90)} ms   (goal ≤ 1,000 ms)`,
);
console.log(
  `  baseline         median ${fmt(form.baselineMs.median)} ms (a document with no script, same server)   ratio ${fmt(form.usableMs.median / form.baselineMs.median, 1)}×`,
);
await pglite.close();

const worklist = await benchWorklistMap();
console.log(
  `\nOfficer worklist map in Chromium with ${fmt(worklist.reports)} reports (clustered), load + 4 pans + 5 zooms`,
);
console.log(
  `  frames over 50 ms ${fmt(worklist.framesOver50ms)}   long tasks ${fmt(worklist.longTasks)}   (goal: no jank)`,
);
console.log(
  `  all reports shown after ${fmt(worklist.renderMs)} ms; baseline (same map, no reports) ${fmt(worklist.baselineRenderMs)} ms   ratio ${fmt(worklist.renderMs / worklist.baselineRenderMs, 1)}×`,
);

await printAnalysisBenchmarks(config.SHARED_DATA_DIR);

const serverRatio = await withServerDb(async (db) =>
  printIntake('the PostgreSQL server', await benchIntake(db, { rounds, seconds: roundSeconds, connections })),
);
if (serverRatio !== undefined) {
  console.log(
    `\nGoal: full intake ≥ 50 % of the bare baseline on PostgreSQL → ${serverRatio >= 0.5 ? 'met' : 'NOT met'} (median of ${rounds} rounds: ${fmt(serverRatio * 100, 1)} %)`,
  );
}

// Analysis on the server, in a database of its own (1,000,000 generated reports; see bench/analysis-db.ts).
await withServerDb(async (db) => printAnalysisDb(await benchAnalysisDb(db)));
