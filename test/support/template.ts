/**
 * Builds the two template databases once per test run: `empty` (migrated only) and `demo` (migrated
 * and seeded with the Haarlem demo, see template-content.ts).
 * PGlite: uncompressed data-dir dumps that each test file loads, and a slimmed PostGIS bundle (see
 * writeTestPostgisBundle); PostgreSQL: template databases.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { migrate } from '../../src/db/migrate.ts';
import type { Db } from '../../src/db/db.ts';
import { prepareTemplateContent } from './template-content.ts';

export interface Templates {
  empty: string;
  demo: string;
  /** PGlite only: the PostGIS bundle the test databases load. */
  postgisBundle?: string;
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
  const empty = await dumpTo(db, join(cacheDir, 'template.tar'));
  await prepareTemplateContent(db);
  const demo = await dumpTo(db, join(cacheDir, 'template-demo.tar'));
  await db.close();
  return { empty, demo, postgisBundle: writeTestPostgisBundle(join(cacheDir, 'postgis-tests.tar.gz')) };
}

/** Uncompressed: every test file loads one, and gunzipping it cost more than reading the larger file. */
async function dumpTo(db: Awaited<ReturnType<typeof openPglite>>, file: string): Promise<string> {
  const dump = await db.raw.dumpDataDir('none');
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

/**
 * The PostGIS extension bundle without what a test database never loads: the raster and topology
 * libraries (PGlite compiles every library in the bundle at each open) and the install, upgrade and
 * tiger-geocoder scripts. The templates already contain the extension; `postgis.control` and its
 * install script stay so `CREATE EXTENSION IF NOT EXISTS postgis` still resolves. Saves about a
 * quarter of the CPU time of opening a test database.
 */
function writeTestPostgisBundle(file: string): string {
  const require = createRequire(import.meta.url);
  const bundle = join(dirname(require.resolve('@electric-sql/pglite-postgis')), 'postgis.tar.gz');
  const unpacked = mkdtempSync(join(tmpdir(), 'wijkpost-postgis-'));
  try {
    tarOrThrow(['-xzf', bundle, '-C', unpacked]);
    const extension = 'share/postgresql/extension';
    const control = readFileSync(join(unpacked, extension, 'postgis.control'), 'utf8');
    const version = /default_version\s*=\s*'([^']+)'/.exec(control)?.[1];
    if (!version) throw new Error('postgis.control names no default_version');
    const kept = [
      'lib/postgresql/postgis-3.so',
      'share/proj',
      `${extension}/postgis.control`,
      `${extension}/postgis--${version}.sql`,
    ];
    writeFileSync(file, gzipSync(tarOrThrow(['-cf', '-', '-C', unpacked, ...kept]), { level: 1 }));
    return file;
  } finally {
    rmSync(unpacked, { recursive: true, force: true });
  }
}

function tarOrThrow(args: string[]): Buffer {
  const result = spawnSync('tar', args, { maxBuffer: 512 * 1024 * 1024 });
  if (result.status !== 0)
    throw new Error(`tar ${args.join(' ')} failed: ${result.stderr?.toString() ?? result.error}`);
  return result.stdout;
}
