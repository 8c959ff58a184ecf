import { pathToFileURL } from 'node:url';
import { PGlite, type Extension, type PGliteOptions } from '@electric-sql/pglite';
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

/**
 * `postgisBundle` replaces the PostGIS extension's file bundle (a .tar.gz): the test databases, whose
 * extension already exists, load a slimmed one (test/support/template.ts) because every file in the
 * bundle is unpacked and every library in it compiled each time a database opens.
 */
export async function openPglite(options: {
  dataDir?: string;
  loadDataDir?: Blob | File;
  postgisBundle?: string;
}): Promise<Db & { raw: PGlite }> {
  const pgOptions: PGliteOptions = {
    extensions: { postgis: options.postgisBundle ? withBundle(options.postgisBundle) : postgis },
  };
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

function withBundle(bundleFile: string): Extension {
  return {
    name: postgis.name,
    async setup(pg, emscriptenOptions) {
      const setup = await postgis.setup(pg, emscriptenOptions);
      return { ...setup, bundlePath: pathToFileURL(bundleFile) };
    },
  };
}
