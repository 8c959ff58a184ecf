import { mkdirSync } from 'node:fs';
import type { Db } from './db.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export async function openDatabase(config: { DATABASE_URL?: string | undefined; DATA_DIR: string }): Promise<Db> {
  if (config.DATABASE_URL) return openPostgres(config.DATABASE_URL);
  mkdirSync(config.DATA_DIR, { recursive: true });
  return openPglite({ dataDir: config.DATA_DIR });
}
