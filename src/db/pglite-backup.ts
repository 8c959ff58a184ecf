/**
 * Backup and restore of the embedded PGlite database (one gzipped tar of its data directory, PGlite's own format).
 * PGlite's files belong to one process: the serving process takes the backup itself (`dumpPglite`, through the
 * ops endpoint), a CLI opens the directory only while no server holds it (`serverHolding`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { openPglite } from './pglite.ts';

/** Taken inside the process that holds the files: a checkpoint, then one synchronous copy of the directory. */
export async function dumpPglite(pg: PGlite): Promise<Buffer> {
  await pg.query('CHECKPOINT');
  const tar = await pg.dumpDataDir('gzip');
  return Buffer.from(await tar.arrayBuffer());
}

/** Writes next to the target and renames, so a half-written file never carries the backup's name. */
export function writeAtomically(file: string, data: Buffer): void {
  const temp = `${file}.${randomBytes(4).toString('hex')}.partial`;
  writeFileSync(temp, data, { mode: 0o600 });
  renameSync(temp, file);
}

export class RestoreRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

/**
 * Loads a backup into dataDir. A non-empty dataDir is refused unless `force`; then it is moved aside (never
 * deleted) to `<dataDir>.before-restore-<time>`, whose path is returned. The restored database is opened and
 * read once before this returns, so a broken file fails here and not at the next start.
 */
export async function restorePglite(
  file: string,
  dataDir: string,
  options: { force: boolean; now: Date; postgisBundle?: string },
): Promise<{ movedAside: string | null; reports: number }> {
  const dump = readFileSync(file);
  let movedAside: string | null = null;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    if (!options.force)
      throw new RestoreRefusedError(
        `${dataDir} is not empty: restore refuses to overwrite a database. Pass --force to move it aside first.`,
      );
    movedAside = `${resolve(dataDir)}.before-restore-${options.now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedAside);
  }
  mkdirSync(dataDir, { recursive: true });
  try {
    const db = await openPglite({ dataDir, loadDataDir: new Blob([dump]), postgisBundle: options.postgisBundle });
    try {
      const { rows } = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM reports');
      return { movedAside, reports: Number(rows[0]?.n ?? 0) };
    } finally {
      await db.close();
    }
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    if (movedAside) renameSync(movedAside, dataDir);
    throw error;
  }
}

/** Beside the data directory, not in it: it holds the serving process's ops token, which no backup may carry. */
export function serverFileFor(dataDir: string): string {
  return join(dirname(resolve(dataDir)), `.${basename(resolve(dataDir))}.server.json`);
}

export interface ServerFile {
  pid: number;
  url: string;
  token: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The server holding dataDir, or null (no file, or its process has gone). */
export function serverHolding(dataDir: string): ServerFile | null {
  const file = serverFileFor(dataDir);
  if (!existsSync(file)) return null;
  const server = JSON.parse(readFileSync(file, 'utf8')) as ServerFile;
  return alive(server.pid) ? server : null;
}

export function announceServer(dataDir: string, server: ServerFile): () => void {
  const file = serverFileFor(dataDir);
  writeFileSync(file, JSON.stringify(server), { mode: 0o600 });
  return () => rmSync(file, { force: true });
}
