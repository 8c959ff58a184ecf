import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { coordinatesToRd, type Crs, type PointGeometry } from './crs.ts';
import { asMultiPolygon, PolygonShape } from './polygon-shape.ts';
import { loadDistrictShapes, loadNeighbourhoodShapes, selectGeographyVersion } from './repository.ts';

export interface LocatedPoint {
  municipalityCode: string;
  districtCode: string;
  districtName: string;
  boroughCode: string | null;
  boroughName: string | null;
  neighbourhoodCode: string | null;
  neighbourhoodName: string | null;
}

export interface DistrictLocator {
  /** RD New coordinates in; null when no district covers the point. */
  locate(x: number, y: number, municipalityCode?: string): LocatedPoint | null;
  readonly districtCount: number;
  /**
   * The geography counter (migration 0110) read just before the polygons were: the polygons are at
   * least that new, so a locator whose counter is current is current.
   */
  readonly geographyVersion: number;
}

/** Generalised buurten may miss a point that lies in the wijk; the nearest buurt of that wijk within this distance is taken. */
export const NEAREST_NEIGHBOURHOOD_METRES = 50;
const GRID_CELL_METRES = 250;

interface Area {
  code: string;
  name: string;
  shape: PolygonShape;
}

interface District extends Area {
  municipalityCode: string;
  boroughCode: string | null;
  boroughName: string | null;
  neighbourhoods: Area[];
}

/**
 * Point → district in process. A uniform grid maps each cell to the districts whose bounding box
 * touches it; candidates are tried in ascending district code and the first that covers the point
 * (interior or boundary) wins. So a point on a border shared by two districts always goes to the
 * district with the lowest code.
 */
export class GridDistrictLocator implements DistrictLocator {
  private readonly minX: number;
  private readonly minY: number;
  private readonly columns: number;
  private readonly rows: number;
  private readonly cells: District[][];

  constructor(
    private readonly districts: District[],
    readonly geographyVersion = 0,
  ) {
    const sorted = [...districts].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const boxes = sorted.map((d) => d.shape.bbox);
    this.minX = boxes.length ? Math.min(...boxes.map((b) => b.minX)) : 0;
    this.minY = boxes.length ? Math.min(...boxes.map((b) => b.minY)) : 0;
    const maxX = boxes.length ? Math.max(...boxes.map((b) => b.maxX)) : 0;
    const maxY = boxes.length ? Math.max(...boxes.map((b) => b.maxY)) : 0;
    this.columns = Math.max(1, Math.ceil((maxX - this.minX) / GRID_CELL_METRES) + 1);
    this.rows = Math.max(1, Math.ceil((maxY - this.minY) / GRID_CELL_METRES) + 1);
    this.cells = Array.from({ length: this.columns * this.rows }, () => []);
    for (const district of sorted) {
      const box = district.shape.bbox;
      const [c0, r0] = this.cellOf(box.minX, box.minY);
      const [c1, r1] = this.cellOf(box.maxX, box.maxY);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) this.cells[r * this.columns + c]!.push(district);
    }
  }

  get districtCount() {
    return this.districts.length;
  }

  private cellOf(x: number, y: number): [number, number] {
    return [Math.floor((x - this.minX) / GRID_CELL_METRES), Math.floor((y - this.minY) / GRID_CELL_METRES)];
  }

  locate(x: number, y: number, municipalityCode?: string): LocatedPoint | null {
    const column = Math.floor((x - this.minX) / GRID_CELL_METRES);
    const row = Math.floor((y - this.minY) / GRID_CELL_METRES);
    if (!(column >= 0 && column < this.columns && row >= 0 && row < this.rows)) return null;
    for (const district of this.cells[row * this.columns + column]!) {
      if (municipalityCode !== undefined && district.municipalityCode !== municipalityCode) continue;
      if (district.shape.covers(x, y)) return located(district, neighbourhoodOf(district, x, y));
    }
    return null;
  }
}

/** Only a buurt of the district that decided counts; else the nearest one of that district within reach. */
function neighbourhoodOf(district: District, x: number, y: number): Area | null {
  for (const neighbourhood of district.neighbourhoods) if (neighbourhood.shape.covers(x, y)) return neighbourhood;
  let nearest: Area | null = null;
  let nearestDistance = NEAREST_NEIGHBOURHOOD_METRES;
  for (const neighbourhood of district.neighbourhoods) {
    const box = neighbourhood.shape.bbox;
    if (
      x < box.minX - nearestDistance ||
      x > box.maxX + nearestDistance ||
      y < box.minY - nearestDistance ||
      y > box.maxY + nearestDistance
    )
      continue;
    const distance = neighbourhood.shape.distanceTo(x, y);
    // Ties go to the lowest buurt code, which comes first.
    if (distance < nearestDistance || (nearest === null && distance === nearestDistance)) {
      nearest = neighbourhood;
      nearestDistance = distance;
    }
  }
  return nearest;
}

function located(district: District, neighbourhood: Area | null): LocatedPoint {
  return {
    municipalityCode: district.municipalityCode,
    districtCode: district.code,
    districtName: district.name,
    boroughCode: district.boroughCode,
    boroughName: district.boroughName,
    neighbourhoodCode: neighbourhood?.code ?? null,
    neighbourhoodName: neighbourhood?.name ?? null,
  };
}

export async function buildDistrictLocator(db: Queryable): Promise<DistrictLocator> {
  // Read first: a change committing during the load can only make the polygons newer than the label.
  const geographyVersion = await selectGeographyVersion(db);
  const [districtRows, neighbourhoodRows] = await Promise.all([loadDistrictShapes(db), loadNeighbourhoodShapes(db)]);
  const districts = new Map<string, District>();
  for (const row of districtRows) {
    districts.set(row.code, {
      code: row.code,
      name: row.name,
      municipalityCode: row.municipalityCode,
      boroughCode: row.boroughCode,
      boroughName: row.boroughName,
      shape: new PolygonShape(asMultiPolygon(JSON.parse(row.geometry))),
      neighbourhoods: [],
    });
  }
  for (const row of neighbourhoodRows) {
    districts.get(row.districtCode)?.neighbourhoods.push({
      code: row.code,
      name: row.name,
      shape: new PolygonShape(asMultiPolygon(JSON.parse(row.geometry))),
    });
  }
  return new GridDistrictLocator([...districts.values()], geographyVersion);
}

const locators = new WeakMap<object, Promise<DistrictLocator>>();

/**
 * One locator per database handle, kept current the way routing's data is: one tiny statement reads
 * the geography counter, and the polygons are loaded again only when it moved, so an import by
 * another process (or plain SQL) is seen by the next call. With `verify: false` the cached locator is
 * used unchecked; the caller must then compare its `geographyVersion` with data it checks at its
 * write (intake does).
 */
export async function getDistrictLocator(db: Queryable, options: { verify?: boolean } = {}): Promise<DistrictLocator> {
  const cached = locators.get(db);
  if (!cached) return rebuild(db);
  if (options.verify === false) return cached;
  const version = await selectGeographyVersion(db);
  // A build started while the counter was read reads it later still, so it is at least as new.
  const latest = locators.get(db);
  if (latest !== cached) return latest ?? rebuild(db);
  const locator = await cached.catch(() => undefined);
  if (locator && locator.geographyVersion >= version) return locator;
  const newest = locators.get(db);
  return newest && newest !== cached ? newest : rebuild(db);
}

function rebuild(db: Queryable): Promise<DistrictLocator> {
  const building = buildDistrictLocator(db);
  locators.set(db, building);
  // A failed build is forgotten so the next call retries; a newer build is left alone.
  building.catch(() => {
    if (locators.get(db) === building) locators.delete(db);
  });
  return building;
}

/** For imports in this process: the next call rebuilds without waiting for the counter to be read. */
export function invalidateDistrictLocator(db: Queryable): void {
  locators.delete(db);
}

/**
 * Locates a point given in any accepted CRS. Throws a validation error for implausible
 * coordinates and outside_municipality when no district covers the point.
 */
export async function locatePoint(
  deps: { db: Queryable },
  point: PointGeometry,
  crs: Crs = 'CRS84',
  municipalityCode?: string,
): Promise<LocatedPoint> {
  return locateWith(await getDistrictLocator(deps.db), point, crs, municipalityCode);
}

/** locatePoint on a locator the caller already has (intake takes it unchecked; see getDistrictLocator). */
export function locateWith(
  locator: DistrictLocator,
  point: PointGeometry,
  crs: Crs = 'CRS84',
  municipalityCode?: string,
): LocatedPoint {
  const [x, y] = coordinatesToRd(point.coordinates[0], point.coordinates[1], crs, 'coordinates');
  const result = locator.locate(x, y, municipalityCode);
  if (!result) {
    const where = municipalityCode ? `municipality ${municipalityCode}` : 'any municipality served here';
    throw new DomainError('outside_municipality', `The location is not within a district of ${where}.`, [
      { name: 'coordinates', reason: 'not within a known district', code: 'outside_municipality' },
    ]);
  }
  return result;
}
