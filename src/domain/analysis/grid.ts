import { toRd } from '../geography/index.ts';

/** Mean Earth radius (IUGG), metres: the sphere of the local equirectangular projection. */
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** Where RD New (EPSG:28992) is valid: the Netherlands with a margin (CRS84 degrees). */
const NETHERLANDS = { minLon: 3.2, minLat: 50.7, maxLon: 7.3, maxLat: 53.7 };

export interface Projection {
  readonly kind: 'rd-new' | 'equirectangular';
  /** WGS84 longitude/latitude in degrees → x, y in metres. */
  project(lon: number, lat: number): [number, number];
}

/**
 * Local equirectangular projection on WGS84 around (lon0, lat0):
 *   x = R · (lon − lon0) · cos(lat0) · π/180,   y = R · (lat − lat0) · π/180,   R = 6,371,008.8 m.
 * Within a city (tens of km) the scale error is well under 1 % — far below a 125 m cell.
 */
export function equirectangular(lon0: number, lat0: number): Projection {
  const kx = EARTH_RADIUS_M * Math.cos(lat0 * DEG) * DEG;
  const ky = EARTH_RADIUS_M * DEG;
  return { kind: 'equirectangular', project: (lon, lat) => [(lon - lon0) * kx, (lat - lat0) * ky] };
}

export const rdNew: Projection = { kind: 'rd-new', project: toRd };

/**
 * RD New when the data's centre (the mean of the coordinates) lies in the Netherlands, otherwise the
 * local equirectangular projection at that centre.
 */
export function projectionFor(lons: ArrayLike<number>, lats: ArrayLike<number>): Projection {
  let sumLon = 0;
  let sumLat = 0;
  for (let i = 0; i < lons.length; i++) {
    sumLon += lons[i]!;
    sumLat += lats[i]!;
  }
  const lon0 = lons.length ? sumLon / lons.length : 0;
  const lat0 = lats.length ? sumLat / lats.length : 0;
  const inNetherlands =
    lon0 >= NETHERLANDS.minLon &&
    lon0 <= NETHERLANDS.maxLon &&
    lat0 >= NETHERLANDS.minLat &&
    lat0 <= NETHERLANDS.maxLat;
  return inNetherlands ? rdNew : equirectangular(lon0, lat0);
}

/**
 * A square grid: cell (col, row) covers [originX + col·size, originX + (col+1)·size) × the same in y.
 * The integer cell index is row · cols + col; the readable id is `${col}:${row}`.
 */
export interface Grid {
  readonly originX: number;
  readonly originY: number;
  readonly cellSize: number;
  readonly cols: number;
  readonly rows: number;
}

export const DEFAULT_CELL_SIZE_M = 125;

/** The smallest grid with its origin at the minimum x and y of the points that covers them all. */
export function gridCovering(xs: ArrayLike<number>, ys: ArrayLike<number>, cellSize = DEFAULT_CELL_SIZE_M): Grid {
  if (!(cellSize > 0)) throw new RangeError('cellSize must be positive');
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (xs.length === 0) return { originX: 0, originY: 0, cellSize, cols: 0, rows: 0 };
  return {
    originX: minX,
    originY: minY,
    cellSize,
    cols: Math.floor((maxX - minX) / cellSize) + 1,
    rows: Math.floor((maxY - minY) / cellSize) + 1,
  };
}

/** The cell index of a point, or −1 when it falls outside the grid. */
export function cellIndexOf(grid: Grid, x: number, y: number): number {
  const col = Math.floor((x - grid.originX) / grid.cellSize);
  const row = Math.floor((y - grid.originY) / grid.cellSize);
  if (col < 0 || row < 0 || col >= grid.cols || row >= grid.rows) return -1;
  return row * grid.cols + col;
}

export function cellId(grid: Grid, index: number): string {
  return `${index % grid.cols}:${Math.floor(index / grid.cols)}`;
}

/** Cell indices of many points in one pass (−1 outside the grid). */
export function cellIndices(grid: Grid, xs: ArrayLike<number>, ys: ArrayLike<number>): Int32Array {
  const out = new Int32Array(xs.length);
  const inv = 1 / grid.cellSize;
  const { originX, originY, cols, rows } = grid;
  for (let i = 0; i < xs.length; i++) {
    const col = Math.floor((xs[i]! - originX) * inv);
    const row = Math.floor((ys[i]! - originY) * inv);
    out[i] = col < 0 || row < 0 || col >= cols || row >= rows ? -1 : row * cols + col;
  }
  return out;
}

/** Points per cell in one pass; points outside the grid are not counted. */
export function countByCell(grid: Grid, xs: ArrayLike<number>, ys: ArrayLike<number>): Uint32Array {
  const counts = new Uint32Array(grid.cols * grid.rows);
  const inv = 1 / grid.cellSize;
  const { originX, originY, cols, rows } = grid;
  for (let i = 0; i < xs.length; i++) {
    const col = Math.floor((xs[i]! - originX) * inv);
    const row = Math.floor((ys[i]! - originY) * inv);
    if (col >= 0 && row >= 0 && col < cols && row < rows) counts[row * cols + col]!++;
  }
  return counts;
}

/**
 * The study region: the grid cells analysed (e.g. those with at least one report in the training
 * period). `cells` lists their grid indices ascending; `studyIndex` maps a grid index to its
 * position in `cells`, or −1 outside the region.
 */
export interface StudyRegion {
  readonly grid: Grid;
  readonly cells: Int32Array;
  readonly studyIndex: Int32Array;
}

export function studyRegionOf(grid: Grid, include: (gridIndex: number) => boolean): StudyRegion {
  const studyIndex = new Int32Array(grid.cols * grid.rows).fill(-1);
  const list: number[] = [];
  for (let i = 0; i < studyIndex.length; i++) {
    if (include(i)) {
      studyIndex[i] = list.length;
      list.push(i);
    }
  }
  return { grid, cells: Int32Array.from(list), studyIndex };
}
