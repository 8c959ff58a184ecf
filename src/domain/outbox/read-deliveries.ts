import type { Queryable } from '../../db/db.ts';
import { decodeCursor, keysetPage } from '../../shared/cursor.ts';
import { countBacklog, listFailedMessages, listMessagesOfReport, type OutboxRow } from './repository.ts';
import type { Delivery, DeliveryList, FailedDeliveryPage, OutboxStatusSummary } from './schemas.ts';

function toDelivery(row: OutboxRow, withRecipient: boolean): Delivery {
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    ...(withRecipient ? { recipient: row.recipient } : {}),
  };
}

/**
 * A report's deliveries. The caller has checked that the viewer may read the report; recipients (reporter and
 * follower addresses, partner URLs) only when the viewer may read the reporter's contact.
 */
export async function listReportDeliveries(
  deps: { db: Queryable },
  input: { reportId: string; withRecipient: boolean },
): Promise<DeliveryList> {
  const rows = await listMessagesOfReport(deps.db, input.reportId);
  return { items: rows.map((row) => toDelivery(row, input.withRecipient)) };
}

/** Failed deliveries of a municipality, newest first (administrators). */
export async function listFailedDeliveries(
  deps: { db: Queryable },
  input: { municipalityCode: string; cursor?: string | undefined; limit: number },
): Promise<FailedDeliveryPage> {
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
  const rows = await listFailedMessages(deps.db, {
    municipalityCode: input.municipalityCode,
    after,
    limit: input.limit + 1,
  });
  const page = keysetPage(rows, input.limit, (row) => ({ at: row.created_at_text, id: row.id }));
  return {
    items: page.items.map((row) => ({ ...toDelivery(row, true), reportId: row.report_id })),
    nextCursor: page.nextCursor,
  };
}

export async function summariseOutbox(
  deps: { db: Queryable },
  input: { municipalityCode: string; mailEnabled: boolean },
): Promise<OutboxStatusSummary> {
  const counts = await countBacklog(deps.db, input.municipalityCode);
  const sum = (status: string) => counts.filter((c) => c.status === status).reduce((n, c) => n + c.n, 0);
  const oldest = counts
    .filter((c) => c.status === 'pending' && c.oldest)
    .map((c) => c.oldest!.getTime())
    .sort((a, b) => a - b)[0];
  return {
    mailEnabled: input.mailEnabled,
    pending: sum('pending'),
    failed: sum('failed'),
    oldestPendingAt: oldest === undefined ? null : new Date(oldest).toISOString(),
  };
}

/** The backlog by channel and status, for the metrics gauge (all municipalities). */
export const outboxBacklog = (deps: { db: Queryable }) => countBacklog(deps.db, null);
