/**
 * Two processes starting at once against one fresh database. PGlite cannot open one data directory
 * from two handles, so this file always runs on the PostgreSQL server: DATABASE_URL when set, else the
 * local server. It creates and drops a database of its own.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Db } from './db.ts';
import { migrate, migrationsDir } from './migrate.ts';
import { scratchServerDatabase } from '../../test/support/db.ts';

describe('migrations on the PostgreSQL server: two runners at once migrate once', () => {
  // Two pools stand in for two processes: each has its own connections.
  let scratch: Awaited<ReturnType<typeof scratchServerDatabase>>;
  let handles: Db[];
  before(async () => {
    scratch = await scratchServerDatabase('wijkpost_migrate_lock', { pools: 2, max: 2 });
    handles = scratch.pools;
  });
  after(() => scratch.drop());

  it('applies each migration exactly once when two runners start together on a fresh database', async () => {
    const files = readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    const [first, second] = await Promise.all(handles.map((db) => migrate(db)));
    const applied = [...first!.applied, ...second!.applied].sort();
    assert.deepEqual(applied, files, 'every migration applied by exactly one runner');
    // The lock serialises the runners: one did all the work, the other found it done.
    assert.deepEqual(
      [first!.applied.length, second!.applied.length].sort((a, b) => a - b),
      [0, files.length],
    );
    const { rows } = await handles[0]!.query<{ name: string; checksum: string | null }>(
      'SELECT name, checksum FROM schema_migrations ORDER BY name',
    );
    assert.deepEqual(
      rows.map((r) => r.name),
      files,
    );
    assert.ok(rows.every((r) => r.checksum !== null));
  });
});
