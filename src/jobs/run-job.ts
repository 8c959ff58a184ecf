/**
 * Runs one job in one process at a time. On a PostgreSQL server several Wijkpost processes may share the
 * database: each run first takes a session-level advisory lock named after the job (pg_try_advisory_lock), and
 * a process that does not get it skips the run. PGlite is one process with one connection, where advisory locks
 * are re-entrant and so prove nothing: there an in-process guard (also used on the server) is enough.
 */
import type { Db } from '../db/db.ts';
import { recordJobEnd, recordJobStart } from './job-runs.ts';
import type { Job, JobCounts, JobDeps } from './jobs.ts';

/** Structured log lines (the app's pino logger fits). Counts only: a job never logs the data it changed. */
export interface JobLogger {
  info(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export type JobOutcome =
  | { status: 'ran'; counts: JobCounts; durationMs: number }
  | { status: 'failed'; error: string; durationMs: number }
  | { status: 'skipped'; reason: 'running elsewhere' };

const runningHere = new WeakMap<Db, Set<string>>();

async function underLock(db: Db, name: string, fn: () => Promise<JobOutcome>): Promise<JobOutcome> {
  const running = runningHere.get(db) ?? new Set<string>();
  runningHere.set(db, running);
  if (running.has(name)) return { status: 'skipped', reason: 'running elsewhere' };
  running.add(name);
  try {
    if (db.kind !== 'postgres') return await fn();
    return await db.withSession(async (session) => {
      const lockKey = `wijkpost job ${name}`;
      const { rows } = await session.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
        [lockKey],
      );
      if (!rows[0]?.locked) return { status: 'skipped', reason: 'running elsewhere' } as const;
      try {
        return await fn();
      } finally {
        await session.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lockKey]);
      }
    });
  } finally {
    running.delete(name);
  }
}

/** A message without row values: PostgreSQL keeps those in `detail`, which is not stored or logged. */
function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return `${typeof code === 'string' ? `${code}: ` : ''}${message}`.slice(0, 500);
}

/** Told of every run's outcome (serve passes the metrics' recordJobRun). */
export type JobObserver = (job: string, outcome: 'ok' | 'failed' | 'skipped') => void;

export async function runJob(
  deps: JobDeps & { logger: JobLogger; observe?: JobObserver | undefined },
  job: Job,
): Promise<JobOutcome> {
  const outcome = await runJobOnce(deps, job);
  deps.observe?.(job.name, outcome.status === 'ran' ? 'ok' : outcome.status);
  return outcome;
}

async function runJobOnce(deps: JobDeps & { logger: JobLogger }, job: Job): Promise<JobOutcome> {
  return underLock(deps.db, job.name, async () => {
    const startedAt = deps.clock.now();
    const started = performance.now();
    const id = await recordJobStart(deps.db, job.name, startedAt);
    try {
      const counts = await job.run(deps);
      const durationMs = Math.round(performance.now() - started);
      await recordJobEnd(deps.db, id, { finishedAt: deps.clock.now(), counts, error: null });
      deps.logger.info({ job: job.name, counts, durationMs }, 'job finished');
      return { status: 'ran', counts, durationMs };
    } catch (error) {
      const message = describeError(error);
      const durationMs = Math.round(performance.now() - started);
      await recordJobEnd(deps.db, id, { finishedAt: deps.clock.now(), counts: {}, error: message });
      deps.logger.error({ job: job.name, error: message, durationMs }, 'job failed');
      return { status: 'failed', error: message, durationMs };
    }
  });
}
