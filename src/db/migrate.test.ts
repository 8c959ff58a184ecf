import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { openTestDb } from '../../test/support/db.ts';
import type { Db } from './db.ts';
import { ChangedMigrationError, migrate, migrationChecksum, migrationsDir } from './migrate.ts';

const probe = '9990_checksum_probe.sql';

async function checksums(db: Db): Promise<Map<string, string | null>> {
  const { rows } = await db.query<{ name: string; checksum: string | null }>(
    'SELECT name, checksum FROM schema_migrations ORDER BY name',
  );
  return new Map(rows.map((r) => [r.name, r.checksum]));
}

async function probeTableExists(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>(`SELECT to_regclass('checksum_probe') IS NOT NULL AS found`);
  return rows[0]!.found;
}

describe('migrations: a checksum per applied migration', () => {
  let db: Db;
  let directory: string;
  before(async () => {
    // Migrated by the same runner as any database: every row already carries its checksum.
    db = await openTestDb({ empty: true });
  });
  after(() => db.close());
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'wijkpost-migrations-'));
    cpSync(migrationsDir, directory, { recursive: true });
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('records the sha256 of each applied file', async () => {
    const recorded = await checksums(db);
    assert.ok(recorded.size > 0);
    const first = [...recorded.keys()][0]!;
    assert.equal(recorded.get(first), migrationChecksum(readFileSync(join(migrationsDir, first), 'utf8')));
    assert.ok([...recorded.values()].every((sum) => sum !== null && /^[0-9a-f]{64}$/.test(sum)));
  });

  it('refuses a migration whose file changed after it was applied, naming it, and runs nothing', async () => {
    const changed = [...(await checksums(db)).keys()][1]!;
    appendFileSync(join(directory, changed), '\n-- edited after it was applied\n');
    writeFileSync(join(directory, probe), 'CREATE TABLE checksum_probe (id int);');
    await assert.rejects(migrate(db, undefined, directory), (error: unknown) => {
      assert.ok(error instanceof ChangedMigrationError);
      assert.deepEqual(error.files, [changed]);
      assert.match(error.message, new RegExp(changed.replace('.', '\\.')));
      return true;
    });
    assert.equal(await probeTableExists(db), false, 'a pending migration ran despite the refusal');
    assert.equal((await checksums(db)).has(probe), false);
  });

  it('applies a new migration beside unchanged ones and records its checksum', async () => {
    const text = 'CREATE TABLE checksum_probe (\n  id int\n);\n';
    writeFileSync(join(directory, probe), text);
    const result = await migrate(db, undefined, directory);
    assert.deepEqual(result.applied, [probe]);
    assert.equal(await probeTableExists(db), true);
    assert.equal((await checksums(db)).get(probe), migrationChecksum(text));
    assert.deepEqual((await migrate(db, undefined, directory)).applied, []);
    // A CRLF checkout of the same text is not a change.
    writeFileSync(join(directory, probe), text.replaceAll('\n', '\r\n'));
    assert.deepEqual((await migrate(db, undefined, directory)).applied, []);
    await db.exec(`DROP TABLE checksum_probe; DELETE FROM schema_migrations WHERE name = '${probe}'`);
  });

  it('adds the column to a database migrated before checksums existed and backfills it from the files', async () => {
    await db.exec('ALTER TABLE schema_migrations DROP COLUMN checksum');
    const result = await migrate(db);
    assert.deepEqual(result.applied, []);
    const recorded = await checksums(db);
    for (const [name, sum] of recorded)
      assert.equal(sum, migrationChecksum(readFileSync(join(migrationsDir, name), 'utf8')), name);
    // Backfilled rows are checked from then on.
    const [first] = recorded.keys();
    appendFileSync(join(directory, first!), '\n-- edited\n');
    await assert.rejects(migrate(db, undefined, directory), ChangedMigrationError);
  });

  it('leaves the advisory lock free after a refusal', async () => {
    const [first] = (await checksums(db)).keys();
    appendFileSync(join(directory, first!), '\n-- edited\n');
    await assert.rejects(migrate(db, undefined, directory), ChangedMigrationError);
    assert.deepEqual((await migrate(db)).applied, []);
    const { rows } = await db.query<{ held: number }>(
      `SELECT count(*)::int AS held FROM pg_locks
        WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    assert.equal(rows[0]!.held, 0);
  });
});
