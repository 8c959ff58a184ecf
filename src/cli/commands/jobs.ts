import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { latestJobRuns } from '../../jobs/job-runs.ts';
import { findJob, jobs } from '../../jobs/jobs.ts';
import { runJob, type JobLogger } from '../../jobs/run-job.ts';
import { outboxDeliveryDeps, type OutboxConfig } from '../../jobs/outbox-worker.ts';
import { listRetentionPeriods, setRetentionPeriods } from '../../domain/retention/index.ts';
import { DomainError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';

type Print = (line: string) => void;
interface JobsContext {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'IDEMPOTENCY_RETENTION_HOURS' | 'JOBS_INTERVAL_MINUTES'> & OutboxConfig;
}

const formatCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([kind, n]) => `${kind}=${n}`)
    .join(' ') || 'nothing to do';

/** `wijkpost jobs list`: every job, its interval and its latest run. */
export async function jobsList(ctx: JobsContext, print: Print): Promise<void> {
  const latest = await latestJobRuns(ctx.db);
  for (const job of jobs) {
    const run = latest.get(job.name);
    const last = !run
      ? 'never run'
      : run.error
        ? `last run ${run.startedAt.toISOString()} failed: ${run.error}`
        : run.finishedAt
          ? `last run ${run.startedAt.toISOString()}: ${formatCounts(run.counts)}`
          : `running since ${run.startedAt.toISOString()}`;
    print(`${job.name.padEnd(20)} every ${ctx.config.JOBS_INTERVAL_MINUTES ?? job.intervalMinutes} min  ${last}`);
    print(`${''.padEnd(20)} ${job.description}`);
  }
}

/** `wijkpost jobs run NAME`: runs one job now (unless another process is running it) and prints its counts. */
export async function jobsRun(ctx: JobsContext, print: Print, options: { name: string }): Promise<boolean> {
  const job = findJob(options.name);
  if (!job) {
    print(`No job "${options.name}". Jobs: ${jobs.map((j) => j.name).join(', ')}.`);
    return false;
  }
  const silent: JobLogger = { info: () => undefined, error: () => undefined };
  const outbox = outboxDeliveryDeps({ db: ctx.db, clock: ctx.clock }, ctx.config);
  const outcome = await runJob(
    {
      db: ctx.db,
      clock: ctx.clock,
      idempotencyRetentionHours: ctx.config.IDEMPOTENCY_RETENTION_HOURS,
      logger: silent,
      outbox,
    },
    job,
  ).finally(() => outbox.close());
  if (outcome.status === 'skipped') {
    print(`${job.name}: skipped, another process is running it now.`);
    return true;
  }
  if (outcome.status === 'failed') {
    print(`${job.name} failed after ${outcome.durationMs} ms: ${outcome.error}`);
    return false;
  }
  print(`${job.name}: ${formatCounts(outcome.counts)} (${outcome.durationMs} ms)`);
  return true;
}

/**
 * `wijkpost jobs retention [--municipality CODE --reporter-days N --photo-days M]`: sets a municipality's periods
 * when given, then prints every municipality's.
 */
export async function jobsRetention(
  ctx: Pick<JobsContext, 'db'>,
  print: Print,
  options: { municipality?: string; reporterDays?: string; photoDays?: string },
): Promise<boolean> {
  const days = (value: string | undefined) => (value === undefined ? undefined : Number(value));
  if (options.reporterDays !== undefined || options.photoDays !== undefined) {
    if (!options.municipality) {
      print('Name the municipality: --municipality GM0392.');
      return false;
    }
    try {
      await setRetentionPeriods(ctx, {
        municipalityCode: options.municipality,
        reporterDays: days(options.reporterDays),
        photoDays: days(options.photoDays),
      });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const fields = error.fieldProblems.map((p) => `${p.name}: ${p.reason}`).join('; ');
      print(fields ? `${error.detail} ${fields}` : error.detail);
      return false;
    }
  }
  for (const p of await listRetentionPeriods(ctx)) {
    print(`${p.municipalityCode}  reporter contact ${p.reporterDays} days, photos ${p.photoDays} days after closure`);
  }
  return true;
}

export function registerJobsCommand(program: Command) {
  const command = program.command('jobs').description('background jobs: retention of personal data');
  const print: Print = (line) => console.log(line);
  command
    .command('list')
    .description('list the jobs, their intervals and their latest runs')
    .action(() => withContext((ctx) => jobsList(ctx, print)));
  command
    .command('run')
    .argument('<name>', 'the job to run, see `wijkpost jobs list`')
    .description('run one job now and print its counts')
    .action(async (name: string) => {
      const ok = await withContext((ctx) => jobsRun(ctx, print, { name }));
      if (!ok) process.exitCode = 1;
    });
  command
    .command('retention')
    .description("show the municipalities' retention periods, or set one's with the options")
    .option('--municipality <code>', 'the municipality to change, e.g. GM0392')
    .option('--reporter-days <days>', 'days after closure to keep reporter contact and followers (default 365)')
    .option('--photo-days <days>', "days after closure to keep reports' photos (default 90)")
    .action(async (options: { municipality?: string; reporterDays?: string; photoDays?: string }) => {
      const ok = await withContext((ctx) => jobsRetention(ctx, print, options));
      if (!ok) process.exitCode = 1;
    });
}
