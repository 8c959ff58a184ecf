/**
 * Hand-built analysis data for the tests: reports and observations inserted straight into their tables
 * (the analysis reads tables, not intake), at RD positions chosen relative to a cell of a district.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/db.ts';

export const HAARLEM = 'GM0392';

export interface Place {
  x: number;
  y: number;
}

export async function userIds(db: Db): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; email: string }>('SELECT id, email FROM users');
  return new Map(rows.map((row) => [row.email, row.id]));
}

export async function categoryId(db: Db, code: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM categories WHERE municipality_code = $1 AND code = $2',
    [HAARLEM, code],
  );
  if (!rows[0]) throw new Error(`no category ${code}`);
  return rows[0].id;
}

/** The centre of a cell that lies wholly inside the district, with its column and row. */
export async function innerCell(
  db: Db,
  districtCode: string,
  cellSize: number,
): Promise<{ col: number; row: number; centre: Place }> {
  const { rows } = await db.query<{ col: number; row: number }>(
    `SELECT g.i AS col, g.j AS row FROM districts d, ST_SquareGrid($2::float8, d.geom) g
      WHERE d.code = $1 AND ST_Within(ST_Buffer(g.geom, $2::float8), d.geom) ORDER BY g.i, g.j LIMIT 1`,
    [districtCode, cellSize],
  );
  const cell = rows[0];
  if (!cell) throw new Error(`no inner cell in ${districtCode}`);
  return { ...cell, centre: { x: (cell.col + 0.5) * cellSize, y: (cell.row + 0.5) * cellSize } };
}

export async function insertReports(
  db: Db,
  items: ReadonlyArray<{ at: Date | string; place: Place; category: string; district: string }>,
): Promise<string[]> {
  const { rows: assignee } = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE 'officer' = ANY (roles) LIMIT 1`,
  );
  const ids: string[] = [];
  for (const item of items) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location, district_code,
                            status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl,
                            routing_reason_en, created_at, updated_at)
       VALUES ($1, $2, $3, 'test', 'web', ST_SetSRID(ST_MakePoint($4, $5), 28992), $6, 'new', false, $7::timestamptz + interval '7 days',
               'officer', $8, 'test', 'test', 'test', $7, $7)
       RETURNING id`,
      [
        HAARLEM,
        `T${randomBytes(6).toString('hex')}`,
        await categoryId(db, item.category),
        item.place.x,
        item.place.y,
        item.district,
        new Date(item.at),
        assignee[0]!.id,
      ],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

export async function insertObservations(
  db: Db,
  officerId: string,
  items: ReadonlyArray<{ at: Date | string; place: Place; category: string; district: string }>,
): Promise<void> {
  for (const item of items) {
    await db.query(
      `INSERT INTO observations (municipality_code, officer_id, category_id, location, district_code, observed_at, created_at)
       VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 28992), $6, $7, $7)`,
      [
        HAARLEM,
        officerId,
        await categoryId(db, item.category),
        item.place.x,
        item.place.y,
        item.district,
        new Date(item.at),
      ],
    );
  }
}
