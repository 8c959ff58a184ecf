/**
 * Exact point-in-(multi)polygon tests over RD coordinates, tuned for many lookups:
 * every edge is filed under the horizontal bands its y-range touches, so a ray cast only
 * visits the few edges near the point's y instead of the whole ring.
 * Points on an edge count as covered (PostGIS ST_Covers semantics), so a caller can
 * resolve shared borders by a rule of its own instead of by floating-point luck.
 */
export type Ring = ReadonlyArray<readonly [number, number] | readonly number[]>;
export type MultiPolygonCoordinates = ReadonlyArray<ReadonlyArray<Ring>>;

export interface BBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const ON_EDGE_TOLERANCE = 1e-6; // metres

export class PolygonShape {
  readonly bbox: BBox;
  private readonly bandCount: number;
  private readonly bandHeight: number;
  /** bandOffsets[b]..bandOffsets[b+1] index edges (4 numbers each) in bandEdges. */
  private readonly bandOffsets: Int32Array;
  private readonly bandEdges: Float64Array;
  private readonly allEdges: Float64Array;

  constructor(polygons: MultiPolygonCoordinates) {
    const edges: number[] = [];
    let minX = Infinity,
      minY = Infinity,
      maxX = -Infinity,
      maxY = -Infinity;
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length; i++) {
          const a = ring[i]!;
          const b = ring[(i + 1) % ring.length]!;
          const ax = a[0]!,
            ay = a[1]!,
            bx = b[0]!,
            by = b[1]!;
          if (ax < minX) minX = ax;
          if (ax > maxX) maxX = ax;
          if (ay < minY) minY = ay;
          if (ay > maxY) maxY = ay;
          if (ax === bx && ay === by) continue;
          edges.push(ax, ay, bx, by);
        }
      }
    }
    this.bbox = { minX, minY, maxX, maxY };
    this.allEdges = Float64Array.from(edges);
    const edgeCount = edges.length / 4;
    this.bandCount = Math.max(1, Math.min(1024, Math.ceil(edgeCount / 4)));
    this.bandHeight = Math.max((maxY - minY) / this.bandCount, 1e-9);
    const buckets: number[][] = Array.from({ length: this.bandCount }, () => []);
    for (let e = 0; e < edgeCount; e++) {
      const y1 = edges[e * 4 + 1]!,
        y2 = edges[e * 4 + 3]!;
      const first = this.bandOf(Math.min(y1, y2));
      const last = this.bandOf(Math.max(y1, y2));
      for (let band = first; band <= last; band++) buckets[band]!.push(e);
    }
    this.bandOffsets = new Int32Array(this.bandCount + 1);
    const flat: number[] = [];
    buckets.forEach((bucket, band) => {
      this.bandOffsets[band] = flat.length / 4;
      for (const e of bucket) flat.push(edges[e * 4]!, edges[e * 4 + 1]!, edges[e * 4 + 2]!, edges[e * 4 + 3]!);
    });
    this.bandOffsets[this.bandCount] = flat.length / 4;
    this.bandEdges = Float64Array.from(flat);
  }

  private bandOf(y: number): number {
    const band = Math.floor((y - this.bbox.minY) / this.bandHeight);
    return band < 0 ? 0 : band >= this.bandCount ? this.bandCount - 1 : band;
  }

  /** True when the point is inside or on the boundary (even-odd rule: holes and multipolygons included). */
  covers(x: number, y: number): boolean {
    const box = this.bbox;
    if (x < box.minX || x > box.maxX || y < box.minY || y > box.maxY) return false;
    const band = this.bandOf(y);
    const edges = this.bandEdges;
    let inside = false;
    for (let e = this.bandOffsets[band]!, end = this.bandOffsets[band + 1]!; e < end; e++) {
      const i = e * 4;
      const x1 = edges[i]!,
        y1 = edges[i + 1]!,
        x2 = edges[i + 2]!,
        y2 = edges[i + 3]!;
      if (y1 === y2) {
        if (
          Math.abs(y - y1) <= ON_EDGE_TOLERANCE &&
          x >= Math.min(x1, x2) - ON_EDGE_TOLERANCE &&
          x <= Math.max(x1, x2) + ON_EDGE_TOLERANCE
        )
          return true;
        continue;
      }
      if (y1 > y !== y2 > y) {
        const crossX = x1 + ((y - y1) * (x2 - x1)) / (y2 - y1);
        if (Math.abs(crossX - x) <= ON_EDGE_TOLERANCE) return true;
        if (crossX > x) inside = !inside;
      } else if (
        (y === y1 && Math.abs(x - x1) <= ON_EDGE_TOLERANCE) ||
        (y === y2 && Math.abs(x - x2) <= ON_EDGE_TOLERANCE)
      ) {
        return true; // on a vertex
      }
    }
    return inside;
  }

  /** Distance in metres from the point to the nearest edge (0 when covered). */
  distanceTo(x: number, y: number): number {
    if (this.covers(x, y)) return 0;
    const edges = this.allEdges;
    let best = Infinity;
    for (let i = 0; i < edges.length; i += 4) {
      const x1 = edges[i]!,
        y1 = edges[i + 1]!,
        dx = edges[i + 2]! - x1,
        dy = edges[i + 3]! - y1;
      const lengthSquared = dx * dx + dy * dy;
      const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
      const ex = x1 + t * dx - x,
        ey = y1 + t * dy - y;
      const d = ex * ex + ey * ey;
      if (d < best) best = d;
    }
    return Math.sqrt(best);
  }
}

/** GeoJSON Polygon or MultiPolygon coordinates as a list of polygons. */
export function asMultiPolygon(geometry: { type: string; coordinates: unknown }): MultiPolygonCoordinates {
  if (geometry.type === 'Polygon') return [geometry.coordinates as ReadonlyArray<Ring>];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as MultiPolygonCoordinates;
  throw new Error(`Expected a Polygon or MultiPolygon, got ${geometry.type}`);
}
