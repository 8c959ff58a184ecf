import { DomainError } from '../../shared/errors.ts';

export const reportStatuses = [
  'new',
  'planned',
  'in_progress',
  'waiting_for_reporter',
  'forwarded',
  'resolved',
  'cancelled',
  'reopened',
] as const;

export type ReportStatus = (typeof reportStatuses)[number];

const fromOpen = [
  'planned',
  'in_progress',
  'forwarded',
  'waiting_for_reporter',
  'resolved',
  'cancelled',
] as const satisfies readonly ReportStatus[];

/**
 * The workflow table: which status may follow which. Anything not listed is refused. `as const` keeps the
 * literal statuses in its type, so the web UI's copy (web/src/staff/reports/workflow.ts) is checked against it.
 */
export const allowedTransitions = {
  new: fromOpen,
  reopened: fromOpen,
  planned: ['in_progress', 'waiting_for_reporter', 'forwarded', 'resolved', 'cancelled'],
  in_progress: ['planned', 'waiting_for_reporter', 'forwarded', 'resolved', 'cancelled'],
  waiting_for_reporter: ['in_progress', 'resolved', 'cancelled'],
  forwarded: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['reopened'],
  cancelled: [],
} as const satisfies Readonly<Record<ReportStatus, readonly ReportStatus[]>>;
export type AllowedTransitions = typeof allowedTransitions;
const transitions: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = allowedTransitions;

/** Statuses that need an explanation: the reporter reads it when a report is closed or reopened. */
export const textRequiredStatuses = ['resolved', 'reopened'] as const satisfies readonly ReportStatus[];
const textRequired: ReadonlySet<ReportStatus> = new Set(textRequiredStatuses);

/**
 * Statuses whose text is written for the reporter ("Toelichting voor de melder"): the public status page and the
 * reporter's e-mails show the latest of them. Texts of other changes and notes stay internal.
 */
export const reporterTextStatuses = [
  'resolved',
  'cancelled',
  'reopened',
  'waiting_for_reporter',
] as const satisfies readonly ReportStatus[];

export const closedStatuses = ['resolved', 'cancelled'] as const satisfies readonly ReportStatus[];

export function isClosed(status: ReportStatus): boolean {
  return (closedStatuses as readonly ReportStatus[]).includes(status);
}

export function canTransition(from: ReportStatus, to: ReportStatus): boolean {
  return transitions[from].includes(to);
}

/**
 * `forwarded` means "a partner has it": only forwarding to a partner (the assignment) sets it, never a bare
 * status change, which would leave the report with the officer yet marked as with a partner.
 */
export function assertStatusChange(from: ReportStatus, to: ReportStatus, text: string | undefined): void {
  if (to === 'forwarded') {
    throw new DomainError(
      'invalid_transition',
      'A report becomes forwarded only by assigning it to a partner (POST /api/v1/reports/{reportId}/assignment with kind partner).',
    );
  }
  assertTransition(from, to, text);
}

/** The status a forwarded report gets when it comes back from the partner to an officer, team or queue. */
export const statusBackFromPartner: ReportStatus = 'in_progress';

/** Where a report waiting for the reporter goes when the reporter answers: back to work with its holder. */
export const statusAfterReporterAnswer: ReportStatus = 'in_progress';

/** Throws unless `from → to` is allowed and carries the text it needs. Pure. */
export function assertTransition(from: ReportStatus, to: ReportStatus, text: string | undefined): void {
  if (!canTransition(from, to)) {
    const allowed = transitions[from];
    throw new DomainError(
      'invalid_transition',
      allowed.length === 0
        ? `A ${from} report cannot change status any more.`
        : `A ${from} report cannot become ${to}; allowed: ${allowed.join(', ')}.`,
    );
  }
  if (textRequired.has(to) && !text?.trim()) {
    throw new DomainError('validation', `Changing the status to ${to} needs a text.`, [
      { name: 'body.text', reason: `A text is required when the status becomes ${to}.`, code: 'required' },
    ]);
  }
}

/** closedAt after a status change: set when a report closes, cleared when it reopens. */
export function closedAtAfter(to: ReportStatus, previous: Date | null, now: Date): Date | null {
  if (isClosed(to)) return now;
  if (to === 'reopened') return null;
  return previous;
}

/**
 * What a partner organisation may do with a report it holds. Accepting takes a forwarded report into work (the
 * partner still holds it); sending back returns it to the municipality with the status it gets back from any
 * partner; resolving needs the text for the reporter, as every resolution does.
 */
export type PartnerAction = 'accept' | 'send_back' | 'resolve';

export function statusAfterPartnerAction(
  from: ReportStatus,
  action: PartnerAction,
  text: string | undefined,
): ReportStatus {
  if (action === 'accept') {
    if (from !== 'forwarded') {
      throw new DomainError('invalid_transition', `Only a forwarded report can be accepted; this one is ${from}.`);
    }
    assertTransition(from, 'in_progress', text);
    return 'in_progress';
  }
  if (action === 'send_back') {
    if (isClosed(from)) throw new DomainError('invalid_transition', `A ${from} report cannot be sent back.`);
    if (from !== statusBackFromPartner) assertTransition(from, statusBackFromPartner, text);
    return statusBackFromPartner;
  }
  assertTransition(from, 'resolved', text);
  return 'resolved';
}
