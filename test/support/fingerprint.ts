import type { Db } from '../../src/db/db.ts';

/**
 * A fingerprint of every row of every table in the public schema (count and an order-free sum of row hashes per
 * table): equal before and after means no row was added, changed or removed. PostGIS' reference table is left out.
 */
export async function databaseFingerprint(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'spatial_ref_sys'
      ORDER BY table_name`,
  );
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ print: string }>(
      `SELECT count(*) || ':' || coalesce(sum(hashtext(t::text)::bigint), 0) AS print FROM "${name}" t`,
    );
    fingerprint[name] = rows[0]!.print;
  }
  return fingerprint;
}
