/**
 * Analysis benchmarks (runnable alone: `npx tsx bench/analysis.ts`):
 * 1. the hotspot set (grid counts, Gi*, time of week) on 1,000,000 generated reports over Haarlem's districts
 *    (clusters placed in the districts, weighted by inhabitants), one year; against generating the points;
 * 2. the Boston backtest (52 weeks, 3 methods) against reading and parsing the CSV alone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readServiceRequests } from '../src/cli/commands/analyse-input.ts';
import {
  countByCell,
  gridCovering,
  gridGiStar,
  runBacktestProtocol,
  studyRegionOf,
  timeOfWeekProfile,
} from '../src/domain/analysis/index.ts';

type Ring = number[][];
interface District {
  rings: Ring[];
  weight: number;
}

function inRings(rings: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  return inside;
}

type WijkFeature = {
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
  properties: { aantalInwoners?: number };
};

function generateHaarlem(sharedDataDir: string, count: number) {
  const geojson = JSON.parse(readFileSync(join(sharedDataDir, 'haarlem/wijken-2024.rd.geojson'), 'utf8'));
  const districts: District[] = (geojson.features as WijkFeature[]).map((f) => ({
    rings: f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
    weight: f.properties.aantalInwoners ?? 0,
  }));
  let state = 20261130;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const gauss = () => Math.sqrt(-2 * Math.log(next() + 1e-12)) * Math.cos(2 * Math.PI * next());
  const centres: [number, number][] = [];
  for (const d of districts) {
    const xs = d.rings.flat().map((p) => p[0]!);
    const ys = d.rings.flat().map((p) => p[1]!);
    const clusters = Math.max(1, Math.round(d.weight / 500));
    for (let made = 0; made < clusters;) {
      const x = Math.min(...xs) + next() * (Math.max(...xs) - Math.min(...xs));
      const y = Math.min(...ys) + next() * (Math.max(...ys) - Math.min(...ys));
      if (inRings(d.rings, x, y)) {
        centres.push([x, y]);
        made++;
      }
    }
  }
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  const times = new Float64Array(count);
  const start = Date.parse('2025-01-01T00:00:00+01:00');
  for (let i = 0; i < count; i++) {
    const [cx, cy] = centres[Math.floor(next() ** 1.5 * centres.length)]!; // some clusters much busier
    xs[i] = cx + gauss() * 120;
    ys[i] = cy + gauss() * 120;
    times[i] = start + next() * 365 * 86_400_000;
  }
  return { xs, ys, times };
}

export function benchHotspots(sharedDataDir: string, count = 1_000_000) {
  const t0 = performance.now();
  const { xs, ys, times } = generateHaarlem(sharedDataDir, count);
  const generateMs = performance.now() - t0;
  const t1 = performance.now();
  const grid = gridCovering(xs, ys, 125);
  const counts = countByCell(grid, xs, ys);
  const region = studyRegionOf(grid, (cell) => counts[cell]! > 0);
  const studyCounts = Float64Array.from(region.cells, (cell) => counts[cell]!);
  const gi = gridGiStar(region, studyCounts);
  const profile = timeOfWeekProfile(times, 'Europe/Amsterdam');
  const hotspotMs = performance.now() - t1;
  const hot = gi.z.filter((z) => z > 1.96).length;
  if (profile.reduce((a, b) => a + b, 0) !== count) throw new Error('time-of-week lost points');
  return {
    count,
    cells: region.cells.length,
    hot,
    generateMs,
    hotspotMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

export async function benchBacktest(file: string) {
  const t0 = performance.now();
  await readServiceRequests(file, {});
  const readMs = performance.now() - t0;
  const t1 = performance.now();
  const input = await readServiceRequests(file, {
    bbox: { minLon: -71.2, minLat: 42.22, maxLon: -70.98, maxLat: 42.42 },
    service: /^(Abandoned Vehicle|Illegal Parking)$/,
  });
  const result = runBacktestProtocol(input.rows, {
    from: '2016-01-04',
    weeks: 52,
    timeZone: 'America/New_York',
    cellSize: 125,
    coverage: 0.03,
  });
  const backtestMs = performance.now() - t1;
  return { readMs, backtestMs, methods: result.methods.length };
}

export async function printAnalysisBenchmarks(sharedDataDir: string) {
  const h = benchHotspots(sharedDataDir);
  console.log(`\nHotspot set over Haarlem: ${h.count.toLocaleString('en-US')} generated reports, one year`);
  console.log(
    `  grid counts + Gi* (${h.cells} cells, ${h.hot} hot) + time of week  ${h.hotspotMs.toFixed(0)} ms (goal < 10,000 ms)`,
  );
  console.log(
    `  baseline: generating the points ${h.generateMs.toFixed(0)} ms   ratio ${(h.hotspotMs / h.generateMs).toFixed(2)}×`,
  );
  console.log(`  peak RSS ${h.peakRssMb.toFixed(0)} MB (goal < 1,024 MB)`);
  const b = await benchBacktest(join(sharedDataDir, 'boston311/boston311-2013-2016.csv.gz'));
  console.log(
    `\nBoston backtest: 52 weeks, ${b.methods} methods, read + parse + backtest ${b.backtestMs.toFixed(0)} ms (goal < 30,000 ms)`,
  );
  console.log(
    `  baseline: reading and parsing the CSV alone ${b.readMs.toFixed(0)} ms   ratio ${(b.backtestMs / b.readMs).toFixed(2)}×`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await printAnalysisBenchmarks(process.env.SHARED_DATA_DIR ?? '/work/shared/data');
}
