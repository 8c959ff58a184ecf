import { loadConfig, type Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import { openDatabase } from '../db/open.ts';
import { systemClock, type Clock } from '../shared/clock.ts';

export interface CliContext {
  config: Config;
  db: Db;
  clock: Clock;
}

/** Opens config and database for one CLI command and always closes the database. */
export async function withContext<T>(fn: (ctx: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    return await fn({ config, db, clock: systemClock });
  } finally {
    await db.close();
  }
}

export function describeDatabase(config: Config): string {
  if (!config.DATABASE_URL) return `PGlite in ${config.DATA_DIR}`;
  const url = new URL(config.DATABASE_URL);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
