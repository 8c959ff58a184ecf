/**
 * A cheap fingerprint of everything stored: per table its row count and the newest row version (the largest
 * `xmin`, the transaction that wrote the row), in one statement. An insert or update that commits writes a newer
 * version and a delete lowers the count, so equal fingerprints before and after a request mean it wrote nothing
 * (a write rolled back leaves no visible version). Hashing every row's text instead cost 190 ms a call, xmin 35.
 */
import type { Db } from '../../src/db/db.ts';

/** Tables that change on a refused request by design, with the reason. */
const changesWithoutWriting: Record<string, string> = {
  sessions: 'a session is touched when it is used (last seen), and the test signs its callers in',
  schema_migrations: 'written by the migration runner only',
};

export async function fingerprinter(db: Db): Promise<() => Promise<string>> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((row) => row.name).filter((name) => !(name in changesWithoutWriting));
  const sql = tables
    .map(
      (name) =>
        `SELECT '${name}' AS t, count(*)::text || ':' || coalesce(max(x.xmin::text::bigint), 0)::text AS f FROM "${name}" x`,
    )
    .join(' UNION ALL ');
  return async () => {
    const result = await db.query<{ t: string; f: string }>(sql);
    return result.rows.map((row) => `${row.t}=${row.f}`).join(' ');
  };
}
