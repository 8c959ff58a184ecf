/**
 * Signalen's states and how they meet the Wijkpost workflow (src/domain/reports/workflow.ts). The codes and their
 * Dutch display names are those of Amsterdam/signals, app/signals/apps/signals/workflow.py (STATUS_CHOICES): the
 * list API gives `status.state` (the code), the history API only the display name ("Status gewijzigd naar: …").
 * Pure.
 */
import type { ReportStatus } from '../reports/index.ts';

interface SignalenState {
  display: string;
  /** What the report is in Wijkpost. Several Signalen states have no Wijkpost twin; the nearest one is taken. */
  status: ReportStatus;
}

export const signalenStates: Readonly<Record<string, SignalenState>> = {
  '': { display: 'Leeg', status: 'new' },
  m: { display: 'Gemeld', status: 'new' },
  i: { display: 'In afwachting van behandeling', status: 'new' },
  b: { display: 'In behandeling', status: 'in_progress' },
  // On hold waits for something inside the organisation, not for the reporter: still being handled.
  h: { display: 'On hold', status: 'in_progress' },
  ingepland: { display: 'Ingepland', status: 'planned' },
  // The external states: Wijkpost's `forwarded` means "assigned to a partner", which an import cannot know.
  'ready to send': { display: 'Extern: te verzenden', status: 'in_progress' },
  sent: { display: 'Extern: verzonden', status: 'in_progress' },
  'send failed': { display: 'Extern: mislukt', status: 'in_progress' },
  'done external': { display: 'Extern: afgehandeld', status: 'in_progress' },
  'closure requested': { display: 'Extern: verzoek tot afhandeling', status: 'in_progress' },
  'forward to external': { display: 'Doorgezet naar extern', status: 'in_progress' },
  'reaction requested': { display: 'Reactie gevraagd', status: 'waiting_for_reporter' },
  'reaction received': { display: 'Reactie ontvangen', status: 'in_progress' },
  o: { display: 'Afgehandeld', status: 'resolved' },
  a: { display: 'Geannuleerd', status: 'cancelled' },
  reopened: { display: 'Heropend', status: 'reopened' },
  // The reporter asked to reopen: a person must look at it again, so it is open (and lands in the queue).
  'reopen requested': { display: 'Verzoek tot heropenen', status: 'reopened' },
  // Historical: split into child signals, which carry the work on; the parent itself is not handled.
  s: { display: 'Gesplitst', status: 'cancelled' },
};

/** The Wijkpost status of a Signalen state code, or null for a code Signalen does not have. */
export function statusOfSignalenState(state: string): ReportStatus | null {
  return Object.hasOwn(signalenStates, state) ? signalenStates[state]!.status : null;
}

const stateByDisplay = new Map(Object.entries(signalenStates).map(([code, state]) => [state.display, code]));

/** "Status gewijzigd naar: Afgehandeld" (a history entry's action) → `o`; null when the name is not one of them. */
export function stateOfHistoryAction(action: string): string | null {
  const match = /^Status gewijzigd naar:\s*(.*)$/.exec(action.trim());
  if (!match) return null;
  return stateByDisplay.get(match[1]!.trim()) ?? null;
}

/** The Signalen state an export writes for a Wijkpost status. Forwarded has no way back (see above). */
export const signalenStateOf: Readonly<Record<ReportStatus, string>> = {
  new: 'm',
  planned: 'ingepland',
  in_progress: 'b',
  waiting_for_reporter: 'reaction requested',
  forwarded: 'forward to external',
  resolved: 'o',
  cancelled: 'a',
  reopened: 'reopened',
};

export function displayOfSignalenState(state: string): string {
  return signalenStates[state]?.display ?? 'Onbekend';
}

export function statusChangeAction(state: string): string {
  return `Status gewijzigd naar: ${displayOfSignalenState(state)}`;
}
