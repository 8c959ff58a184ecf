/**
 * A fresh database for one test file, copied from one of the run's templates: the Haarlem demo
 * (geography, categories, team, routing rules) by default, the migrated schema alone with `empty`.
 * Use: const db = await openTestDb(); after(() => db.close());
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/db.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';

export async function openTestDb(options: { empty?: boolean } = {}): Promise<Db> {
  const databaseUrl = process.env.DATABASE_URL;
  const template = options.empty ? process.env.WIJKPOST_TEST_EMPTY_TEMPLATE : process.env.WIJKPOST_TEST_TEMPLATE;
  if (!template)
    throw new Error(
      'Run tests through `npm test`, which builds the template databases (WIJKPOST_TEST_TEMPLATE, WIJKPOST_TEST_EMPTY_TEMPLATE).',
    );
  if (databaseUrl) {
    const name = `wijkpost_test_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = await openPostgres(databaseUrl, { max: 1 });
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    await admin.close();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString(), { max: 5 });
    const close = db.close.bind(db);
    return Object.assign(db, {
      async close() {
        await close();
        const again = await openPostgres(databaseUrl, { max: 1 });
        await again.query(`DROP DATABASE IF EXISTS ${name}`);
        await again.close();
      },
    });
  }
  const dump = readFileSync(template);
  return openPglite({ loadDataDir: new Blob([dump]), postgisBundle: process.env.WIJKPOST_TEST_POSTGIS_BUNDLE });
}

/**
 * A database of its own on the PostgreSQL server (DATABASE_URL, else the local server), opened as `pools`
 * separate pools: each stands in for one process, with connections of its own. For what PGlite cannot show
 * (two processes at once). `drop` closes the pools and drops the database.
 */
export async function scratchServerDatabase(
  prefix: string,
  options: { pools: number; max: number },
): Promise<{ pools: Db[]; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(serverUrl, { max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pools: Db[] = [];
  for (let i = 0; i < options.pools; i++) pools.push(await openPostgres(url.toString(), { max: options.max }));
  return {
    pools,
    async drop() {
      for (const pool of pools) await pool.close();
      const again = await openPostgres(serverUrl, { max: 1 });
      await again.query(`DROP DATABASE IF EXISTS ${name}`);
      await again.close();
    },
  };
}
