/**
 * The storage port. Both adapters (PGlite, PostgreSQL server) speak the same SQL dialect
 * with $1-style parameters; the domain only ever sees this interface.
 */
export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface QueryOptions {
  /**
   * Prepare the statement under this name once per connection and reuse its plan. For the hot
   * statements only (intake): a name must always stand for the same SQL text.
   */
  name?: string;
}

export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
    options?: QueryOptions,
  ): Promise<QueryResult<T>>;
}

/** One connection of its own: session state (advisory locks, settings) stays on it. */
export interface Session extends Queryable {
  /** Runs a multi-statement script without parameters. */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a multi-statement script without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs fn on one connection for its whole duration (PGlite has only one). On a server the
   * connection is closed afterwards, so no session state fn left behind reaches the pool.
   */
  withSession<T>(fn: (session: Session) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
