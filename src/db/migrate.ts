import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db, Session } from './db.ts';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Held (session-level) while checking and applying, so processes that start at once migrate one
 * after another: the second finds everything applied. An arbitrary constant, used for this only.
 */
export const MIGRATION_LOCK_KEY = 7745126190;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** A migration's file no longer has the text it had when it was applied. */
export class ChangedMigrationError extends Error {
  constructor(readonly files: string[]) {
    super(
      `Migration file(s) changed after they were applied: ${files.join(', ')}. Migrations are forward only: ` +
        'restore the applied text and put the change in a new migration. Nothing was migrated.',
    );
    this.name = 'ChangedMigrationError';
  }
}

/** sha256 of the text; line endings are normalised, so a checkout with CRLF is not a change. */
export function migrationChecksum(text: string): string {
  return createHash('sha256').update(text.replaceAll('\r\n', '\n')).digest('hex');
}

/**
 * Forward-only: applies every *.sql in `directory` not yet recorded, each in its own transaction,
 * under a lock. Refuses to run anything when an applied migration's file has changed since.
 */
export async function migrate(
  db: Db,
  onProgress?: (name: string, index: number, total: number) => void,
  directory: string = migrationsDir,
): Promise<MigrationResult> {
  return db.withSession(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await migrateLocked(session, directory, onProgress);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function migrateLocked(
  session: Session,
  directory: string,
  onProgress?: (name: string, index: number, total: number) => void,
): Promise<MigrationResult> {
  // Databases migrated before checksums existed get the column here, and their rows the current files' sums.
  await session.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL DEFAULT now()
  );
  ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text;`);
  const files = new Map(
    readdirSync(directory)
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .map((name) => [name, readFileSync(join(directory, name), 'utf8')]),
  );
  const recorded = (
    await session.query<{ name: string; checksum: string | null }>('SELECT name, checksum FROM schema_migrations')
  ).rows;
  const changed: string[] = [];
  for (const row of recorded) {
    const text = files.get(row.name);
    if (text === undefined) continue;
    if (row.checksum === null) {
      await session.query('UPDATE schema_migrations SET checksum = $2 WHERE name = $1', [
        row.name,
        migrationChecksum(text),
      ]);
    } else if (row.checksum !== migrationChecksum(text)) changed.push(row.name);
  }
  if (changed.length > 0) throw new ChangedMigrationError(changed.sort());

  const done = new Set(recorded.map((r) => r.name));
  const pending = [...files].filter(([name]) => !done.has(name));
  const applied: string[] = [];
  for (const [index, [name, sql]] of pending.entries()) {
    onProgress?.(name, index, pending.length);
    // A multi-statement simple query runs as one implicit transaction on both adapters,
    // so a migration and its bookkeeping row land together or not at all.
    const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
    await session.exec(
      `${sql}\n;\nINSERT INTO schema_migrations (name, checksum) VALUES (${quote(name)}, ${quote(migrationChecksum(sql))});`,
    );
    applied.push(name);
  }
  return { applied, alreadyApplied: done.size };
}
