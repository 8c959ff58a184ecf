import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { openPglite } from '../../db/pglite.ts';
import { dumpPglite, restorePglite, serverHolding, writeAtomically } from '../../db/pglite-backup.ts';

const POSTGRES_HINT =
  'DATABASE_URL is set: back up and restore the PostgreSQL server with pg_dump and pg_restore (see README, Operations).';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A server holding the data directory makes the copy itself (PGlite's files are one process's); else we open it. */
async function backup(file: string) {
  const config = loadConfig();
  if (config.DATABASE_URL) fail(POSTGRES_HINT);
  const server = serverHolding(config.DATA_DIR);
  if (server) {
    const res = await fetch(`${server.url}/ops/backup`, { headers: { authorization: `Bearer ${server.token}` } });
    if (!res.ok) fail(`The server (pid ${server.pid}) refused the backup: HTTP ${res.status}.`);
    writeAtomically(file, Buffer.from(await res.arrayBuffer()));
    console.log(`Backed up ${config.DATA_DIR} through the running server (pid ${server.pid}) to ${file}.`);
    return;
  }
  const db = await openPglite({ dataDir: config.DATA_DIR });
  try {
    writeAtomically(file, await dumpPglite(db.raw));
  } finally {
    await db.close();
  }
  console.log(`Backed up ${config.DATA_DIR} to ${file}.`);
}

async function restore(file: string, options: { force?: boolean }) {
  const config = loadConfig();
  if (config.DATABASE_URL) fail(POSTGRES_HINT);
  const server = serverHolding(config.DATA_DIR);
  if (server) fail(`A server (pid ${server.pid}) is serving ${config.DATA_DIR}: stop it, then restore.`);
  const result = await restorePglite(file, config.DATA_DIR, { force: Boolean(options.force), now: new Date() });
  if (result.movedAside) console.log(`The previous database was moved to ${result.movedAside}.`);
  console.log(`Restored ${file} into ${config.DATA_DIR} (${result.reports} reports).`);
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'where to write the backup (a gzipped tar of the PGlite data directory)')
    .description('back up the embedded database, also while a server is serving it')
    .action(backup);
  program
    .command('restore')
    .argument('<file>', 'a file written by `wijkpost backup`')
    .option('--force', 'move a non-empty data directory aside and restore anyway')
    .description('restore the embedded database (stop the server first)')
    .action(restore);
}
