import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { isoWeekday } from '../../domain/categories/index.ts';
import { backtestReport, runBacktestProtocol } from '../../domain/analysis/index.ts';
import { progressBar } from '../progress.ts';
import { readServiceRequests, type Bbox } from './analyse-input.ts';

interface BacktestOptions {
  input?: string;
  from?: string;
  weeks?: string;
  tz?: string;
  cell?: string;
  coverage?: string;
  bbox?: string;
  service?: string;
  json?: boolean;
}

export interface BacktestArguments {
  input: string;
  from: string;
  weeks: number;
  timeZone: string;
  cellSize: number;
  coverage: number;
  bbox?: Bbox;
  service?: RegExp;
  json: boolean;
}

const isZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

function parseBbox(value: string): Bbox | null {
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) return null;
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  return minLon < maxLon && minLat < maxLat ? { minLon, minLat, maxLon, maxLat } : null;
}

/** Every problem with the arguments at once, or the parsed arguments. */
export function parseBacktestArguments(o: BacktestOptions): { problems: string[]; args?: BacktestArguments } {
  const problems: string[] = [];
  const number = (name: string, raw: string | undefined, ok: (n: number) => boolean, what: string) => {
    const n = raw === undefined ? NaN : Number(raw);
    if (raw === undefined) problems.push(`--${name} is required (${what})`);
    else if (!ok(n)) problems.push(`--${name} must be ${what}, got "${raw}"`);
    return n;
  };
  if (!o.input) problems.push('--input is required (a .csv or .csv.gz file)');
  else if (!existsSync(o.input)) problems.push(`--input: no such file "${o.input}"`);
  const dateOk = /^\d{4}-\d{2}-\d{2}$/.test(o.from ?? '') && !Number.isNaN(Date.parse(`${o.from}T00:00:00Z`));
  if (!o.from) problems.push('--from is required (YYYY-MM-DD)');
  else if (!dateOk || new Date(`${o.from}T00:00:00Z`).toISOString().slice(0, 10) !== o.from)
    problems.push(`--from must be a date YYYY-MM-DD, got "${o.from}"`);
  const weeks = number('weeks', o.weeks, (n) => Number.isInteger(n) && n >= 1 && n <= 520, 'a whole number 1–520');
  if (!o.tz) problems.push('--tz is required (an IANA zone, e.g. Europe/Amsterdam)');
  else if (!isZone(o.tz)) problems.push(`--tz must be an IANA time zone, got "${o.tz}"`);
  const cellSize = number('cell', o.cell, (n) => n >= 10 && n <= 5000, 'a cell size in metres, 10–5000');
  const coverage = number('coverage', o.coverage, (n) => n > 0 && n <= 1, 'a fraction above 0 and at most 1');
  const bbox = o.bbox === undefined ? undefined : parseBbox(o.bbox);
  if (bbox === null) problems.push(`--bbox must be minLon,minLat,maxLon,maxLat with min < max, got "${o.bbox}"`);
  let service: RegExp | undefined;
  try {
    service = o.service === undefined ? undefined : new RegExp(o.service);
  } catch (error) {
    problems.push(`--service is not a valid regular expression: ${(error as Error).message}`);
  }
  if (problems.length) return { problems };
  return {
    problems,
    args: {
      input: o.input!,
      from: o.from!,
      weeks,
      timeZone: o.tz!,
      cellSize,
      coverage,
      bbox: bbox ?? undefined,
      service,
      json: Boolean(o.json),
    },
  };
}

const pct = (v: number | null) => (v === null ? '   –  ' : `${(v * 100).toFixed(1).padStart(5)}%`);
const num = (v: number | null) => (v === null ? '  –  ' : v.toFixed(2).padStart(5));

function printTable(report: ReturnType<typeof backtestReport>, print: (line: string) => void) {
  print(
    `${report.weeks} weeks, ${report.cellSize} m cells (${report.projection}), ${report.studyCells} study cells, ${report.events} events scored`,
  );
  print('method    coverage  hit rate [p10–p90]       PAI [p10–p90]          PEI [p10–p90]');
  for (const method of [...report.methods, report.chosen]) {
    for (const [coverage, f] of Object.entries(method.byCoverage)) {
      print(
        `${method.name.padEnd(9)} ${`${(Number(coverage) * 100).toFixed(0)}%`.padStart(8)}  ` +
          `${pct(f.hitRate.mean)} [${pct(f.hitRate.p10)}–${pct(f.hitRate.p90)}]  ` +
          `${num(f.pai.mean)} [${num(f.pai.p10)}–${num(f.pai.p90)}]  ` +
          `${num(f.pei.mean)} [${num(f.pei.p10)}–${num(f.pei.p90)}]`,
      );
    }
  }
  print(`chosen: ${report.chosen.rule}`);
}

export async function analyseBacktest(options: BacktestOptions, print: (line: string) => void = console.log) {
  const { problems, args } = parseBacktestArguments(options);
  if (!args) {
    console.error(`wijkpost analyse backtest: ${problems.length} problem(s) with the arguments:`);
    for (const problem of problems) console.error(`  - ${problem}`);
    process.exitCode = 2;
    return;
  }
  if (isoWeekday(args.from) !== 1)
    console.error(`note: --from ${args.from} is not a Monday; weeks start at local 00:00 of ${args.from} + 7k days`);
  const input = await readServiceRequests(args.input, {
    bbox: args.bbox,
    service: args.service,
    onRow: args.json || !process.stderr.isTTY ? undefined : (n) => process.stderr.write(`\rread ${n} rows`),
  });
  if (!args.json) process.stderr.write(`\rread ${input.read} rows\n`);
  const bar = args.json ? undefined : progressBar('backtest weeks', args.weeks);
  const result = runBacktestProtocol(input.rows, {
    from: args.from,
    weeks: args.weeks,
    timeZone: args.timeZone,
    cellSize: args.cellSize,
    coverage: args.coverage,
    onWeek: (done, total) => bar?.update(Math.max(0, done - (total - args.weeks))),
  });
  bar?.stop();
  const report = {
    ...backtestReport(result, args),
    rows: { read: input.read, skipped: input.skipped, outsideBbox: input.outsideBbox },
  };
  if (args.json) print(JSON.stringify(report));
  else {
    printTable(report, print);
    print(`rows: ${input.read} read, ${input.skipped} skipped (unparsable), ${input.outsideBbox} outside --bbox`);
  }
}

export function registerAnalyseCommand(program: Command) {
  const analyse = program.command('analyse').description('analysis of report data (hotspots, forecasts)');
  analyse
    .command('backtest')
    .description(
      'rolling weekly backtest of the forecast methods on a 311-style CSV (requested_datetime, lat, lon, service_name)',
    )
    .option('--input <file>', 'CSV or CSV.gz file')
    .option('--from <date>', 'first scored week starts at local 00:00 of this date (YYYY-MM-DD)')
    .option('--weeks <n>', 'number of weeks to score')
    .option('--tz <zone>', 'IANA time zone of the weeks, e.g. America/New_York')
    .option('--cell <metres>', 'grid cell size in metres (e.g. 125)')
    .option('--coverage <fraction>', 'share of study cells flagged for the method choice (e.g. 0.03)')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'drop rows outside this box')
    .option('--service <regex>', 'forecast and score only rows whose service_name matches')
    .option('--json', 'print one JSON object')
    .action((options: BacktestOptions) => analyseBacktest(options));
}
