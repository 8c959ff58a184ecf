/**
 * A signal's history as Wijkpost history entries: `created`, then the status changes and notes in time order, so
 * the report's status is the last entry's. Signalen's list items carry only the current status; its history endpoint
 * (`/signals/v1/private/signals/{id}/history`: identifier, when, what, action, description, who) may be merged into
 * each item as `history`. Kept from it: status changes (UPDATE_STATUS), notes (CREATE_NOTE) and reporter feedback
 * (RECEIVE_FEEDBACK); the rest (location, category, priority, type, departments, SLA) is Signalen's own bookkeeping.
 * `who` is a Signalen user's e-mail address and is not carried over. Pure.
 */
import { isClosed, type ReportStatus } from '../reports/index.ts';
import { asFilledText, asObject, parseTimestamp, storableText } from './signal-fields.ts';
import { displayOfSignalenState, stateOfHistoryAction, statusOfSignalenState } from './states.ts';

export interface Moment {
  text: string;
  date: Date;
}

export interface ImportedHistoryEntry {
  at: Moment;
  action: 'created' | 'status_changed' | 'note';
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  text: string | null;
  data: Record<string, unknown>;
}

export interface TimelineInput {
  signalId: string;
  createdAt: Moment;
  current: { state: string; status: ReportStatus; text: string | null; at: Moment | null };
  history: unknown;
  created: { text: string; data: Record<string, unknown> };
}

export type Timeline =
  | { ok: true; entries: ImportedHistoryEntry[]; status: ReportStatus; closedAt: Moment | null; lastAt: Moment }
  | { ok: false; reason: string };

type Event =
  | { kind: 'status'; at: Moment; state: string; text: string | null }
  | { kind: 'note'; at: Moment; text: string; what: string };

const noteWhats = new Set(['CREATE_NOTE', 'RECEIVE_FEEDBACK', 'CREATE_FEEDBACK']);

export function buildTimeline(input: TimelineInput): Timeline {
  const events = input.history === undefined || input.history === null ? [] : historyEvents(input.history);
  if (!Array.isArray(events)) return { ok: false, reason: events.reason };
  if (events.length === 0 && input.current.state !== 'm' && input.current.state !== '')
    events.push({
      kind: 'status',
      at: input.current.at ?? input.createdAt,
      state: input.current.state,
      text: input.current.text,
    });
  const entries: ImportedHistoryEntry[] = [
    {
      at: input.createdAt,
      action: 'created',
      fromStatus: null,
      toStatus: 'new',
      text: input.created.text,
      data: input.created.data,
    },
  ];
  let status: ReportStatus = 'new';
  for (const event of events) {
    const entry = entryFor(event, status, input.signalId);
    if (!entry) continue;
    entries.push(entry);
    if (entry.action === 'status_changed') status = entry.toStatus!;
  }
  if (status !== input.current.status) {
    entries.push(statusChanged(input.current.at ?? lastAt(entries), status, input.current, input.signalId));
    status = input.current.status;
  }
  const closedAt = isClosed(status)
    ? (entries.findLast((entry) => entry.action === 'status_changed' && entry.toStatus === status)?.at ?? null)
    : null;
  return { ok: true, entries, status, closedAt, lastAt: lastAt(entries) };
}

function lastAt(entries: ImportedHistoryEntry[]): Moment {
  return entries.reduce((latest, entry) => (entry.at.date > latest.date ? entry.at : latest), entries[0]!.at);
}

function historyEvents(history: unknown): Event[] | { reason: string } {
  if (!Array.isArray(history)) return { reason: '`history` is not a list' };
  const events: Event[] = [];
  for (const [index, raw] of history.entries()) {
    const item = asObject(raw);
    const what = asFilledText(item?.what)?.toUpperCase() ?? '';
    if (what !== 'UPDATE_STATUS' && !noteWhats.has(what)) continue;
    const at = parseTimestamp(item?.when);
    if (!at) return { reason: `history entry ${index + 1} (${what}) has no valid \`when\` (ISO 8601 with a zone)` };
    const action = asFilledText(item?.action) ?? '';
    const description = asFilledText(item?.description);
    if (what === 'UPDATE_STATUS') {
      const state = stateOfHistoryAction(action);
      if (state !== null) events.push({ kind: 'status', at, state, text: description });
      else events.push({ kind: 'note', at, what, text: [action, description].filter(Boolean).join(' ') });
    } else {
      // A note is its description ("Notitie toegevoegd:" is only the label); feedback keeps its label.
      const text = what === 'CREATE_NOTE' ? description : [action, description].filter(Boolean).join(' ');
      events.push({ kind: 'note', at, what, text: text || action || what });
    }
  }
  // Signalen lists its history newest first; a stable sort keeps entries of the same moment as they came.
  return events.sort((a, b) => a.at.date.getTime() - b.at.date.getTime());
}

function entryFor(event: Event, status: ReportStatus, signalId: string): ImportedHistoryEntry | null {
  if (event.kind === 'note')
    return {
      at: event.at,
      action: 'note',
      fromStatus: null,
      toStatus: null,
      text: storableText(event.text),
      data: { signalen: { id: signalId, what: event.what } },
    };
  const to = statusOfSignalenState(event.state)!;
  if (to !== status) return statusChanged(event.at, status, { state: event.state, text: event.text }, signalId);
  // A Signalen step inside one Wijkpost status (m → i are both "new"): kept as a note when it said something.
  if (!event.text) return null;
  return {
    at: event.at,
    action: 'note',
    fromStatus: null,
    toStatus: null,
    text: storableText(`Signalen-status ${displayOfSignalenState(event.state)}: ${event.text}`),
    data: { signalen: { id: signalId, state: event.state } },
  };
}

function statusChanged(
  at: Moment,
  from: ReportStatus,
  step: { state: string; text: string | null },
  signalId: string,
): ImportedHistoryEntry {
  return {
    at,
    action: 'status_changed',
    fromStatus: from,
    toStatus: statusOfSignalenState(step.state)!,
    text: step.text === null ? null : storableText(step.text),
    data: { signalen: { id: signalId, state: step.state } },
  };
}
