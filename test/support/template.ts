/**
 * Builds the migrated + demo-seeded template database once per test run.
 * PGlite: a gzip'd data-dir dump that each test file loads; PostgreSQL: a template database.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/db.ts';
import { prepareTemplateContent } from './template-content.ts';

export async function buildTemplate(cacheDir: string, databaseUrl: string | undefined): Promise<string> {
  if (databaseUrl) {
    const name = `wijkpost_test_template_${process.pid}`;
    const admin = await openPostgres(databaseUrl, { max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString(), { max: 2 });
    await fill(db);
    await db.close();
    return name;
  }
  const db = await openPglite({});
  await fill(db);
  const dump = await db.raw.dumpDataDir('gzip');
  await db.close();
  mkdirSync(cacheDir, { recursive: true });
  const file = join(cacheDir, 'template.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

async function fill(db: Db) {
  await migrate(db);
  await prepareTemplateContent(db);
}

export async function dropTemplate(databaseUrl: string, name: string) {
  const admin = await openPostgres(databaseUrl, { max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.close();
}
