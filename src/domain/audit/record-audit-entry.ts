import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { insertAuditRow } from './repository.ts';
import type { AuditRecord } from './schemas.ts';

/**
 * Appends one audit entry for a staff member's action. Pass the transaction's handle when there is one, so the
 * entry lands with the change or not at all. The caller names the record; it never passes content.
 */
export async function recordAuditEntry(
  deps: { db: Queryable; clock: Clock },
  actor: Pick<StaffUser, 'id' | 'name' | 'municipalityCode'>,
  entry: AuditRecord,
): Promise<void> {
  await insertAuditRow(deps.db, {
    municipalityCode: actor.municipalityCode,
    at: deps.clock.now(),
    actorId: actor.id,
    actorName: actor.name,
    action: entry.action,
    recordKind: entry.record?.kind ?? null,
    recordId: entry.record?.id ?? null,
    outcome: entry.outcome,
  });
}

/** An action without a signed-in staff member (the command line): the actor is named, not a user id. */
export async function recordSystemAuditEntry(
  deps: { db: Queryable; clock: Clock },
  actor: { name: string; municipalityCode: string },
  entry: AuditRecord,
): Promise<void> {
  await insertAuditRow(deps.db, {
    municipalityCode: actor.municipalityCode,
    at: deps.clock.now(),
    actorId: null,
    actorName: actor.name,
    action: entry.action,
    recordKind: entry.record?.kind ?? null,
    recordId: entry.record?.id ?? null,
    outcome: entry.outcome,
  });
}
