import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Db, Queryable, QueryResult } from './db.ts';

type PGliteLike = Pick<PGlite, 'query' | 'exec'>;

function wrap(pg: PGliteLike): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<T>> {
      const result = await pg.query<T>(sql, params as unknown[]);
      // PGlite reports affectedRows 0 for a SELECT; pg's rowCount counts the rows returned.
      return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
    },
  };
}

export async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
}): Promise<Db & { raw: PGlite }> {
  const pgOptions: PGliteOptions = { extensions: { postgis } };
  if (options.loadDataDir) pgOptions.loadDataDir = options.loadDataDir;
  const pg = options.dataDir ? new PGlite(options.dataDir, pgOptions) : new PGlite(pgOptions);
  await pg.waitReady;
  const base = wrap(pg);
  return {
    kind: 'pglite',
    raw: pg,
    query: base.query,
    async transaction(fn) {
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    async exec(sql) {
      await pg.exec(sql);
    },
    async withSession(fn) {
      return fn({
        query: base.query,
        async exec(sql) {
          await pg.exec(sql);
        },
      });
    },
    async close() {
      await pg.close();
    },
  };
}
