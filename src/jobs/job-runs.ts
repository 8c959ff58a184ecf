/** The job_runs table: one row per run, with counts and an error message, never the data a job touched. */
import type { Queryable } from '../db/db.ts';
import type { JobCounts } from './jobs.ts';

export async function recordJobStart(db: Queryable, name: string, startedAt: Date): Promise<number> {
  const { rows } = await db.query<{ id: number }>(
    'INSERT INTO job_runs (name, started_at) VALUES ($1, $2) RETURNING id',
    [name, startedAt],
  );
  return rows[0]!.id;
}

export async function recordJobEnd(
  db: Queryable,
  id: number,
  end: { finishedAt: Date; counts: JobCounts; error: string | null },
): Promise<void> {
  await db.query('UPDATE job_runs SET finished_at = $2, counts = $3, error = $4 WHERE id = $1', [
    id,
    end.finishedAt,
    JSON.stringify(end.counts),
    end.error,
  ]);
}

export interface JobRun {
  name: string;
  startedAt: Date;
  finishedAt: Date | null;
  counts: JobCounts;
  error: string | null;
}

/** The latest run of each job (for `wijkpost jobs list` and the metrics). */
export async function latestJobRuns(db: Queryable): Promise<Map<string, JobRun>> {
  const { rows } = await db.query<{
    name: string;
    started_at: Date;
    finished_at: Date | null;
    counts: JobCounts;
    error: string | null;
  }>(
    `SELECT DISTINCT ON (name) name, started_at, finished_at, counts, error
       FROM job_runs ORDER BY name, started_at DESC, id DESC`,
  );
  return new Map(
    rows.map((r) => [
      r.name,
      { name: r.name, startedAt: r.started_at, finishedAt: r.finished_at, counts: r.counts, error: r.error },
    ]),
  );
}
