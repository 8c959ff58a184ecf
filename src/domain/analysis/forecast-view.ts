/**
 * GET /analysis/forecast: next week's scored cells for the chosen (or requested) method, beside the rolling
 * backtest of every method at 1, 3 and 5 % of the cells and the backtest of the week-by-week choice itself.
 * Fed with resident reports by default: patrols create observations where officers go (feedback loop).
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, isoWeekday, localDateOf } from '../categories/index.ts';
import type { StaffUser } from '../people/index.ts';
import { defaultMethods } from './forecast.ts';
import { toCsv } from './csv.ts';
import { coverageFigures, forecastWeek, topCells } from './forecast-week.ts';
import { parseOutputCrs } from './hotspot-map.ts';
import { cellRing } from './hotspot-cells.ts';
import { resolveScope } from './resolve-scope.ts';
import type { Forecast, ForecastQuery } from './schemas.ts';

const MAX_SHARE_SHOWN = 0.05;

export const feedbackLoopText = {
  nl:
    'Handhavers leggen waarnemingen vast waar zij lopen. Een voorspelling die ook op die waarnemingen leert, stuurt ' +
    'de surveillance terug naar dezelfde plekken, wat de werkelijke overlast ook is (terugkoppeling). Daarom ' +
    'gebruikt de voorspelling standaard alleen meldingen van bewoners; waarnemingen dienen voor de schatting van ' +
    'wat niet gemeld wordt.',
  en:
    'Officers record observations where they patrol. A forecast that also learns from those observations sends ' +
    'patrols back to the same places whatever the true rate of nuisance (a feedback loop). So the forecast uses ' +
    "residents' reports only by default; observations serve the estimate of what goes unreported.",
};

/** The Monday after today on the municipality's calendar. */
export function nextMonday(now: Date, timeZone: string): string {
  const today = localDateOf(now, timeZone);
  return addDays(today, 8 - isoWeekday(today));
}

export async function forecastView(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: ForecastQuery,
): Promise<Forecast> {
  const crs = parseOutputCrs(query.crs);
  const { scope, applied, timeZone } = await resolveScope(deps, viewer.municipalityCode, query);
  const weekStartDate = nextMonday(deps.clock.now(), timeZone);
  const forecast = await forecastWeek(deps.db, scope, {
    cellSize: query.cellSize,
    weekStartDate,
    timeZone,
    backtestWeeks: query.weeks,
    ...(query.method ? { method: query.method } : {}),
  });
  const limit = Math.max(1, Math.ceil(MAX_SHARE_SHOWN * forecast.study.region.cells.length));
  const descriptions = new Map(defaultMethods().map((m) => [m.name, m.description]));
  return {
    filters: { ...applied, from: applied.from, to: applied.to },
    weekStartDate,
    method: forecast.method.name,
    cellSize: query.cellSize,
    crs,
    studyCells: forecast.study.region.cells.length,
    cells: topCells(forecast, limit).map((cell) => ({
      cellId: `${cell.col}:${cell.row}`,
      ...cell,
      geometry: { type: 'Polygon' as const, coordinates: [cellRing(cell.col, cell.row, query.cellSize, crs)] },
    })),
    backtest: {
      weeks: forecast.backtest.weeks,
      methods: forecast.backtest.methods.map((m) => ({
        name: m.name,
        description: descriptions.get(m.name) ?? m.name,
        coverages: coverageFigures(m.weekly),
      })),
      chosen: {
        name: forecast.chosenMethod,
        rule: forecast.backtest.rule,
        coverages: coverageFigures(forecast.backtest.chosen),
      },
    },
    feedbackLoop: feedbackLoopText,
  };
}

export function forecastCsv(view: Forecast): string {
  return toCsv(
    ['rank', 'cellId', 'col', 'row', 'score', 'method', 'weekStartDate'],
    view.cells.map((c) => [c.rank, c.cellId, c.col, c.row, c.score, view.method, view.weekStartDate]),
  );
}

export function forecastGeoJson(view: Forecast) {
  return {
    type: 'FeatureCollection' as const,
    features: view.cells.map(({ geometry, ...properties }) => ({
      type: 'Feature' as const,
      id: properties.cellId,
      geometry,
      properties: { ...properties, method: view.method, weekStartDate: view.weekStartDate },
    })),
  };
}
