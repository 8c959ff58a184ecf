/**
 * The background jobs: each a retention use case with a name and an interval. The use cases live in the
 * retention area (they take { db, clock } like every use case); this file only says what runs how often.
 */
import type { Db } from '../db/db.ts';
import type { Clock } from '../shared/clock.ts';
import {
  anonymiseReporterContact,
  purgeIdempotencyRecords,
  purgeSessions,
  purgeUploadUsage,
  removeClosedReportPhotos,
} from '../domain/retention/index.ts';
import { deliverDueMessages, purgeDeliveredMessages, type DeliveryDeps } from '../domain/outbox/index.ts';

export interface JobDeps {
  db: Db;
  clock: Clock;
  idempotencyRetentionHours: number;
  /** The outbox's transports and settings (src/jobs/outbox-worker.ts); the `outbox` job needs them. */
  outbox?: DeliveryDeps | undefined;
}

/** What a run changed, by kind; numbers only, never the data. */
export type JobCounts = Record<string, number>;

export interface Job {
  name: string;
  description: string;
  intervalMinutes: number;
  /** Run on demand only: `serve` delivers the outbox with its own faster loop (outbox-worker.ts). */
  manualOnly?: boolean;
  run(deps: JobDeps): Promise<JobCounts>;
}

export const jobs: readonly Job[] = [
  {
    name: 'anonymise-reporters',
    description:
      "clear reporter e-mail, phone and name and remove followers' addresses N days after closure (municipalities.reporter_retention_days, default 365)",
    intervalMinutes: 60,
    run: async (deps) => ({ ...(await anonymiseReporterContact(deps)) }),
  },
  {
    name: 'remove-photos',
    description: "remove reports' photos M days after closure (municipalities.photo_retention_days, default 90)",
    intervalMinutes: 60,
    run: async (deps) => ({ ...(await removeClosedReportPhotos(deps)) }),
  },
  {
    name: 'purge-sessions',
    description: 'delete expired and revoked sign-in sessions',
    intervalMinutes: 60,
    run: async (deps) => ({ ...(await purgeSessions(deps)) }),
  },
  {
    name: 'purge-upload-usage',
    description: "delete the photo upload counts per address of earlier days (only today's cap needs them)",
    intervalMinutes: 60,
    run: async (deps) => ({ ...(await purgeUploadUsage(deps)) }),
  },
  {
    name: 'purge-idempotency',
    description: 'delete stored Idempotency-Key answers older than IDEMPOTENCY_RETENTION_HOURS (default 48)',
    intervalMinutes: 60,
    run: async (deps) => ({ ...(await purgeIdempotencyRecords(deps, deps.idempotencyRetentionHours)) }),
  },
  {
    name: 'purge-outbox',
    description: 'remove the recipient and contents of outbox messages 30 days after they were sent or given up',
    intervalMinutes: 60,
    run: async (deps) => ({ ...(await purgeDeliveredMessages(deps)) }),
  },
  {
    name: 'outbox',
    description: 'deliver due e-mails and webhooks from the outbox (serve does this every OUTBOX_POLL_SECONDS)',
    intervalMinutes: 60,
    manualOnly: true,
    run: async (deps) => {
      if (!deps.outbox) throw new Error('the outbox job needs its transports');
      return { ...(await deliverDueMessages(deps.outbox)) };
    },
  },
];

export function findJob(name: string): Job | undefined {
  return jobs.find((job) => job.name === name);
}
