/**
 * Builds the two template databases once per test run: `empty` (migrated only) and `demo` (migrated
 * and seeded with the Haarlem demo, see template-content.ts).
 * PGlite: gzip'd data-dir dumps that each test file loads; PostgreSQL: template databases.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/db.ts';
import { prepareTemplateContent } from './template-content.ts';

export interface Templates {
  empty: string;
  demo: string;
}

export async function buildTemplates(cacheDir: string, databaseUrl: string | undefined): Promise<Templates> {
  if (databaseUrl) {
    const empty = await buildServerTemplate(databaseUrl, `wijkpost_test_template_${process.pid}`, undefined);
    const demo = await buildServerTemplate(databaseUrl, `wijkpost_test_demo_template_${process.pid}`, empty);
    return { empty, demo };
  }
  mkdirSync(cacheDir, { recursive: true });
  const db = await openPglite({});
  await migrate(db);
  const empty = await dumpTo(db, join(cacheDir, 'template.tar.gz'));
  await prepareTemplateContent(db);
  const demo = await dumpTo(db, join(cacheDir, 'template-demo.tar.gz'));
  await db.close();
  return { empty, demo };
}

async function dumpTo(db: Awaited<ReturnType<typeof openPglite>>, file: string): Promise<string> {
  const dump = await db.raw.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return file;
}

/** The demo template starts as a copy of the migrated one, so the migrations run once. */
async function buildServerTemplate(databaseUrl: string, name: string, copyOf: string | undefined): Promise<string> {
  const admin = await openPostgres(databaseUrl, { max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(copyOf ? `CREATE DATABASE ${name} TEMPLATE ${copyOf}` : `CREATE DATABASE ${name}`);
  await admin.close();
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString(), { max: 2 });
  await fill(db, copyOf === undefined ? 'migrate' : 'seed');
  await db.close();
  return name;
}

async function fill(db: Db, step: 'migrate' | 'seed') {
  if (step === 'migrate') await migrate(db);
  else await prepareTemplateContent(db);
}

export async function dropTemplate(databaseUrl: string, name: string) {
  const admin = await openPostgres(databaseUrl, { max: 1 });
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.close();
}
