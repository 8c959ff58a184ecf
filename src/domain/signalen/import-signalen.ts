/**
 * `wijkpost import signalen FILE`: takes Signalen's signals over as Wijkpost reports, in batches. Each batch is one
 * statement (one transaction), so a crash loses at most the batch in flight, and the external ids make a re-run
 * skip what is there and continue with the rest. A bad signal is skipped whole with its reason.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { newTrackingCode } from '../reports/index.ts';
import type { CategoryMapping } from './category-mapping.ts';
import { loadImportContext } from './import-context.ts';
import { externalIdOf, mapSignal, type MappedSignal, type SignalContext, type SkipCode } from './map-signal.ts';
import {
  findPresentIds,
  insertImportedReports,
  type ImportedHistoryRow,
  type ImportedReportRow,
} from './repository.ts';
import { asObject } from './signal-fields.ts';

export interface ImportSignalenOptions {
  municipalityCode: string;
  mapping: CategoryMapping | null;
  /** Signals per transaction (default 500). */
  batchSize?: number;
  /** Called after every committed batch. */
  onBatch?: (progress: { read: number; imported: number; skipped: number }) => void;
}

export interface SkippedSignal {
  /** 1-based position of the signal in the file. */
  position: number;
  id: string | null;
  code: SkipCode;
  reason: string;
}

export interface SignalenImportSummary {
  municipalityCode: string;
  read: number;
  imported: number;
  skipped: SkippedSignal[];
  skippedByCode: Partial<Record<SkipCode, number>>;
}

const DEFAULT_BATCH = 500;

export async function importSignalen(
  deps: { db: Db; clock: Clock },
  options: ImportSignalenOptions,
  signals: AsyncIterable<unknown>,
): Promise<SignalenImportSummary> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new DomainError('validation', 'The batch size is a positive whole number.');
  const context = await loadImportContext(deps, options.municipalityCode, options.mapping);
  const summary: SignalenImportSummary = {
    municipalityCode: options.municipalityCode,
    read: 0,
    imported: 0,
    skipped: [],
    skippedByCode: {},
  };
  const seen = new Set<string>();
  let batch: Array<{ position: number; item: unknown }> = [];
  const flush = async () => {
    await importBatch(deps, options.municipalityCode, context, batch, seen, summary);
    batch = [];
    options.onBatch?.({ read: summary.read, imported: summary.imported, skipped: summary.skipped.length });
  };
  for await (const item of signals) {
    summary.read += 1;
    batch.push({ position: summary.read, item });
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  summary.skipped.sort((a, b) => a.position - b.position);
  return summary;
}

async function importBatch(
  deps: { db: Db; clock: Clock },
  municipalityCode: string,
  context: SignalContext,
  batch: Array<{ position: number; item: unknown }>,
  seen: Set<string>,
  summary: SignalenImportSummary,
): Promise<void> {
  const skip = (position: number, id: string | null, code: SkipCode, reason: string) => {
    summary.skipped.push({ position, id, code, reason });
    summary.skippedByCode[code] = (summary.skippedByCode[code] ?? 0) + 1;
  };
  const candidates: Array<{ position: number; id: string; item: Record<string, unknown> }> = [];
  for (const { position, item } of batch) {
    const object = asObject(item);
    const id = externalIdOf(object);
    if (!object || id === null) skip(position, null, 'invalid_signal', 'not a signal object with an `id`');
    else if (seen.has(id)) skip(position, id, 'duplicate_in_file', `signal ${id} appears earlier in the file`);
    else {
      seen.add(id);
      candidates.push({ position, id, item: object });
    }
  }
  const present = await findPresentIds(
    deps.db,
    municipalityCode,
    candidates.map((candidate) => candidate.id),
  );
  const mapped: Array<{ position: number; signal: MappedSignal }> = [];
  for (const { position, id, item } of candidates) {
    if (present.has(id)) {
      skip(position, id, 'already_imported', 'already in Wijkpost');
      continue;
    }
    const outcome = mapSignal(item, id, context);
    if (outcome.ok) mapped.push({ position, signal: outcome.signal });
    else skip(position, id, outcome.code, outcome.reason);
  }
  const { reports, history } = rowsOf(
    municipalityCode,
    mapped.map((entry) => entry.signal),
  );
  const written = new Set(await insertImportedReports(deps.db, reports, history, deps.clock.now()));
  for (const { position, signal } of mapped) {
    if (written.has(signal.externalId)) summary.imported += 1;
    else skip(position, signal.externalId, 'already_imported', 'imported meanwhile by another run');
  }
}

function rowsOf(
  municipalityCode: string,
  signals: MappedSignal[],
): { reports: ImportedReportRow[]; history: ImportedHistoryRow[] } {
  const reports: ImportedReportRow[] = [];
  const history: ImportedHistoryRow[] = [];
  for (const signal of signals) {
    const id = randomUUID();
    reports.push({
      id,
      externalId: signal.externalId,
      municipalityCode,
      trackingCode: newTrackingCode(),
      categoryId: signal.categoryId,
      description: signal.description,
      occurredAt: signal.occurredAt?.text ?? null,
      x: signal.rd.x,
      y: signal.rd.y,
      addressText: signal.addressText,
      districtCode: signal.located.districtCode,
      neighbourhoodCode: signal.located.neighbourhoodCode,
      status: signal.status,
      urgent: signal.urgent,
      deadline: signal.deadline.toISOString(),
      assigneeId: signal.assignee.id,
      routingReasonNl: signal.reason.nl,
      routingReasonEn: signal.reason.en,
      reporterEmail: signal.reporter.email,
      reporterPhone: signal.reporter.phone,
      reporterConsentShare: signal.reporter.consentToShare,
      createdAt: signal.createdAt.text,
      updatedAt: signal.updatedAt.text,
      closedAt: signal.closedAt?.text ?? null,
    });
    for (const entry of signal.history)
      history.push({
        ord: history.length,
        reportId: id,
        at: entry.at.text,
        action: entry.action,
        fromStatus: entry.fromStatus,
        toStatus: entry.toStatus,
        text: entry.text,
        data: entry.data,
      });
  }
  return { reports, history };
}
