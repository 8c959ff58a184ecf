import type { Queryable } from '../../db/db.ts';
import { insertMessages } from './repository.ts';
import type { NewOutboxMessage } from './schemas.ts';

export interface OutboxEvent {
  municipalityCode: string;
  reportId: string | null;
  /** Names the event uniquely (e.g. `report:<id>:v<version>`): enqueueing it again adds nothing. */
  eventKey: string;
  at: Date;
}

/**
 * Writes the messages an event causes. Call it with the transaction that writes the event itself, so either
 * both land or neither: a message is never lost after a commit, nor sent for an event that rolled back.
 */
export async function enqueueMessages(
  tx: Queryable,
  event: OutboxEvent,
  messages: readonly NewOutboxMessage[],
): Promise<number> {
  return insertMessages(tx, event, messages);
}
