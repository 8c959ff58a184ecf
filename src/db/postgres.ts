import pg from 'pg';
import type { Db, Queryable, QueryOptions, QueryResult } from './db.ts';

// int8 and numeric come back as strings by default; counts and ids in this schema fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * Errors after which the statement certainly did not commit, so running it again is safe:
 * the server said it is shutting the connection (57P01–57P03), or no connection could be made.
 * "Connection terminated unexpectedly" is not here: the commit may have happened before the loss.
 */
export function isRetryableConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === '57P01' || code === '57P02' || code === '57P03' || code === 'ECONNREFUSED';
}

const RETRY_DELAYS_MS = [0, 100, 250, 500, 1000, 2000];

/** Runs fn again while the database is restarting (for about 4 s), then gives up with the last error. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!isRetryableConnectionLoss(error) || delay === undefined) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<T>(sql: string, params: readonly unknown[] = [], options: QueryOptions = {}): Promise<QueryResult<T>> {
      // A named statement is parsed and planned once per connection instead of on every call.
      const result = options.name
        ? await client.query({ name: options.name, text: sql, values: params as unknown[] })
        : await client.query(sql, params as unknown[]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

export async function openPostgres(
  connectionString: string,
  options: { max?: number } = {},
): Promise<Db & { pool: pg.Pool }> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // A dropped idle connection (database restart) must not crash the process.
  pool.on('error', () => undefined);
  await withRetry(() => pool.query('select 1'));
  const onPool = wrap(pool);

  async function beginTransaction(): Promise<pg.PoolClient> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      return client;
    } catch (error) {
      // A broken connection must not go back to the pool.
      client.release(error as Error);
      throw error;
    }
  }

  return {
    kind: 'postgres',
    pool,
    query: (sql, params, options) => withRetry(() => onPool.query(sql, params, options)),
    async transaction(fn) {
      // Only BEGIN is retried: once fn has run, a lost connection means the caller must decide.
      const client = await withRetry(beginTransaction);
      let broken: Error | undefined;
      try {
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
    async exec(sql) {
      await withRetry(() => pool.query(sql));
    },
    async withSession(fn) {
      const client = await withRetry(() => pool.connect());
      try {
        return await fn({
          ...wrap(client),
          async exec(sql) {
            await client.query(sql);
          },
        });
      } finally {
        // Destroyed, not returned: a session lock or setting fn left behind must not outlive it.
        client.release(true);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
