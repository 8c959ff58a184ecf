/**
 * Starts every job on its interval inside `wijkpost serve` / `start`. The first round runs shortly after start
 * (firstRunDelayMs), then each job every intervalMinutes (JOBS_INTERVAL_MINUTES overrides all). Timers are
 * unref'd, so they never keep the process alive; stop() clears them and waits for runs in progress.
 */
import type { Job, JobDeps } from './jobs.ts';
import { jobs as allJobs } from './jobs.ts';
import { runJob, type JobLogger, type JobObserver, type JobOutcome } from './run-job.ts';

export interface SchedulerOptions {
  jobs?: readonly Job[];
  intervalMinutes?: number | undefined;
  firstRunDelayMs?: number;
}

export interface Scheduler {
  /** Resolves when the runs in progress now have finished. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(
  deps: JobDeps & { logger: JobLogger; observe?: JobObserver },
  options: SchedulerOptions = {},
): Scheduler {
  const inFlight = new Set<Promise<JobOutcome>>();
  const timers: NodeJS.Timeout[] = [];
  let stopped = false;
  const fire = (job: Job) => {
    if (stopped) return;
    const run = runJob(deps, job).catch((error: unknown) => {
      // runJob records and logs a job's own failure; this is the job_runs table itself failing.
      deps.logger.error(
        { job: job.name, error: error instanceof Error ? error.message : String(error) },
        'job not run',
      );
      return { status: 'failed', error: 'job not run', durationMs: 0 } as const;
    });
    inFlight.add(run);
    void run.finally(() => inFlight.delete(run));
  };
  for (const job of (options.jobs ?? allJobs).filter((j) => !j.manualOnly)) {
    const everyMs = (options.intervalMinutes ?? job.intervalMinutes) * 60_000;
    const first = setTimeout(() => {
      fire(job);
      const repeat = setInterval(() => fire(job), everyMs);
      repeat.unref();
      timers.push(repeat);
    }, options.firstRunDelayMs ?? 30_000);
    first.unref();
    timers.push(first);
  }
  const idle = async () => {
    await Promise.all([...inFlight]);
  };
  return {
    idle,
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await idle();
    },
  };
}
