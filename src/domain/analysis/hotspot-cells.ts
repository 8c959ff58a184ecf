/**
 * Hotspots by place from the database's cell counts: the study region (cells overlapping the selected
 * districts), the counts per study cell, and Getis-Ord Gi* (binary and row-standardised) from the core.
 * Cached per (municipality, filters, cell size) and data version: see analysis-cache.ts.
 */
import type { Queryable } from '../../db/db.ts';
import { toCrs84, type Crs } from '../geography/index.ts';
import { classify, gridGiStar, studyRegionOf, type Grid, type StudyRegion } from './index.ts';
import { cachedByVersion } from './analysis-cache.ts';
import { cellCounts, dataVersion, studyCells, type EventScope } from './repository-events.ts';
import type { HotspotCellProperties } from './schemas.ts';

export interface GridStudy {
  region: StudyRegion;
  /** Absolute cell column/row of the grid's first cell (origin = minCol · size, minRow · size). */
  minCol: number;
  minRow: number;
}

/** The grid spanning the study cells, origin on a multiple of the cell size so ids are absolute. */
export function gridStudyOf(cells: ReadonlyArray<{ col: number; row: number }>, cellSize: number): GridStudy {
  let minCol = Infinity;
  let minRow = Infinity;
  let maxCol = -Infinity;
  let maxRow = -Infinity;
  for (const { col, row } of cells) {
    minCol = Math.min(minCol, col);
    minRow = Math.min(minRow, row);
    maxCol = Math.max(maxCol, col);
    maxRow = Math.max(maxRow, row);
  }
  if (cells.length === 0) {
    minCol = minRow = 0;
    maxCol = maxRow = -1;
  }
  const grid: Grid = {
    originX: minCol * cellSize,
    originY: minRow * cellSize,
    cellSize,
    cols: maxCol - minCol + 1,
    rows: maxRow - minRow + 1,
  };
  const member = new Uint8Array(grid.cols * grid.rows);
  for (const { col, row } of cells) member[(row - minRow) * grid.cols + (col - minCol)] = 1;
  return { region: studyRegionOf(grid, (index) => member[index] === 1), minCol, minRow };
}

/** Counts per study cell (in region order); counts of cells outside the region are left out. */
export function studyCounts(study: GridStudy, counts: ReadonlyArray<{ col: number; row: number; n: number }>) {
  const { grid, studyIndex, cells } = study.region;
  const values = new Float64Array(cells.length);
  let total = 0;
  for (const { col, row, n } of counts) {
    const c = col - study.minCol;
    const r = row - study.minRow;
    if (c < 0 || r < 0 || c >= grid.cols || r >= grid.rows) continue;
    const s = studyIndex[r * grid.cols + c]!;
    if (s < 0) continue;
    values[s] = n;
    total += n;
  }
  return { values, total };
}

export function cellOf(study: GridStudy, studyPosition: number): { col: number; row: number } {
  const index = study.region.cells[studyPosition]!;
  const cols = study.region.grid.cols;
  return { col: study.minCol + (index % cols), row: study.minRow + Math.floor(index / cols) };
}

export interface HotspotCells {
  cells: HotspotCellProperties[];
  studyCells: number;
  total: number;
}

const regions = new WeakMap<object, Map<string, GridStudy>>();

/** The study region per (municipality, districts, cell size); geography changes only by import (restart). */
export async function studyRegion(
  db: Queryable,
  municipalityCode: string,
  districtCodes: string[] | null,
  cellSize: number,
): Promise<GridStudy> {
  let byKey = regions.get(db);
  if (!byKey) regions.set(db, (byKey = new Map()));
  const key = JSON.stringify([municipalityCode, districtCodes, cellSize]);
  let study = byKey.get(key);
  if (!study) {
    study = gridStudyOf(await studyCells(db, municipalityCode, districtCodes, cellSize), cellSize);
    if (byKey.size > 64) byKey.clear();
    byKey.set(key, study);
  }
  return study;
}

async function computeHotspots(db: Queryable, scope: EventScope, cellSize: number): Promise<HotspotCells> {
  const [study, counts] = await Promise.all([
    studyRegion(db, scope.municipalityCode, scope.districtCodes, cellSize),
    cellCounts(db, scope, cellSize),
  ]);
  const { values, total } = studyCounts(study, counts);
  const binary = gridGiStar(study.region, values, 'binary');
  const rowStandardised = gridGiStar(study.region, values, 'row-standardised');
  const cells: HotspotCellProperties[] = [];
  for (let s = 0; s < values.length; s++) {
    const z = binary.z[s]!;
    const cellClass = classify(z);
    if (values[s] === 0 && cellClass === 'none') continue;
    const { col, row } = cellOf(study, s);
    cells.push({
      cellId: `${col}:${row}`,
      col,
      row,
      count: values[s]!,
      z,
      zRowStandardised: rowStandardised.z[s]!,
      class: cellClass,
    });
  }
  return { cells, studyCells: values.length, total };
}

/** Cells with events or a significant z, from the cache when the data did not change. */
export async function hotspotCells(
  db: Queryable,
  scope: EventScope,
  cellSize: number,
): Promise<HotspotCells & { cached: boolean }> {
  const version = await dataVersion(db, scope.municipalityCode);
  const key = JSON.stringify(['hotspots', scope, cellSize]);
  const { value, cached } = await cachedByVersion(db, key, version, () => computeHotspots(db, scope, cellSize));
  return { ...value, cached };
}

/** The cell's square as a closed ring, in RD New or CRS84. */
export function cellRing(col: number, row: number, cellSize: number, crs: Crs): [number, number][] {
  const x0 = col * cellSize;
  const y0 = row * cellSize;
  const corners: [number, number][] = [
    [x0, y0],
    [x0 + cellSize, y0],
    [x0 + cellSize, y0 + cellSize],
    [x0, y0 + cellSize],
    [x0, y0],
  ];
  if (crs === 'EPSG:28992') return corners;
  return corners.map(([x, y]) => {
    const [lon, lat] = toCrs84(x, y);
    return [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7];
  });
}
