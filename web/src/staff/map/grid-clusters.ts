/** Grid clustering in screen pixels: points within one cell of `cellSize` px become one cluster. Pure, so it is testable and fast. */
export interface ScreenPoint<T> {
  x: number;
  y: number;
  item: T;
}

export interface Cluster<T> {
  x: number;
  y: number;
  items: T[];
}

export function gridClusters<T>(points: ScreenPoint<T>[], cellSize: number): Cluster<T>[] {
  const cells = new Map<string, { sumX: number; sumY: number; items: T[] }>();
  for (const point of points) {
    const key = `${Math.floor(point.x / cellSize)}:${Math.floor(point.y / cellSize)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { sumX: 0, sumY: 0, items: [] };
      cells.set(key, cell);
    }
    cell.sumX += point.x;
    cell.sumY += point.y;
    cell.items.push(point.item);
  }
  return [...cells.values()].map((cell) => ({
    x: cell.sumX / cell.items.length,
    y: cell.sumY / cell.items.length,
    items: cell.items,
  }));
}
