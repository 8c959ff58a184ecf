import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Forward-only: applies every migrations/*.sql not yet recorded, each in its own transaction. */
export async function migrate(
  db: Db,
  onProgress?: (name: string, index: number, total: number) => void,
): Promise<MigrationResult> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
  );
  const files = readdirSync(migrationsDir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const pending = files.filter((f) => !done.has(f));
  const applied: string[] = [];
  for (const [index, name] of pending.entries()) {
    onProgress?.(name, index, pending.length);
    const sql = readFileSync(join(migrationsDir, name), 'utf8');
    // A multi-statement simple query runs as one implicit transaction on both adapters,
    // so a migration and its bookkeeping row land together or not at all.
    const quoted = name.replaceAll("'", "''");
    await db.exec(`${sql}\n;\nINSERT INTO schema_migrations (name) VALUES ('${quoted}');`);
    applied.push(name);
  }
  return { applied, alreadyApplied: done.size };
}
