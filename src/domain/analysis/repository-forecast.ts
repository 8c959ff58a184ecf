/** SQL of the forecast input: the events of the scope in time order, each as its grid cell and instant. */
import type { Queryable } from '../../db/db.ts';
import { eventsSql, type EventScope } from './repository-events.ts';

export interface TimedCell {
  col: number;
  row: number;
  t: number;
}

export async function timedCells(db: Queryable, scope: EventScope, cellSize: number): Promise<TimedCell[]> {
  const params: unknown[] = [];
  const events = eventsSql(scope, params);
  params.push(cellSize);
  const size = `$${params.length}::float8`;
  const { rows } = await db.query<TimedCell>(
    `SELECT floor(ST_X(location) / ${size})::int AS col, floor(ST_Y(location) / ${size})::int AS row,
            (EXTRACT(EPOCH FROM at) * 1000)::float8 AS t
       FROM (${events}) e ORDER BY at`,
    params,
  );
  return rows;
}
