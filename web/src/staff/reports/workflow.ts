/**
 * The UI's copy of the report workflow (src/domain/reports/workflow.ts), for offering only the changes the
 * server accepts. Values live here because the web imports no server code; their types are checked against
 * the server's table, so a change there fails `npm run typecheck` until this copy follows it.
 */
import type {
  AllowedTransitions,
  ClosedStatus,
  ReportStatus,
  ReportSummary,
  ReporterTextStatus,
  TextRequiredStatus,
} from '../../api/contract.ts';

type ServerTable = { readonly [From in ReportStatus]: readonly ReportStatus[] };
/** The server's transitions minus `forwarded`, which only assigning to a partner sets (never a status change). */
type OfferedNext<From extends ReportStatus, Server extends ServerTable> = Exclude<Server[From][number], 'forwarded'>;
export type OfferedTable<Server extends ServerTable = AllowedTransitions> = {
  readonly [From in ReportStatus]: readonly OfferedNext<From, Server>[];
};

const offeredNext = {
  new: ['planned', 'in_progress', 'waiting_for_reporter', 'resolved', 'cancelled'],
  reopened: ['planned', 'in_progress', 'waiting_for_reporter', 'resolved', 'cancelled'],
  planned: ['in_progress', 'waiting_for_reporter', 'resolved', 'cancelled'],
  in_progress: ['planned', 'waiting_for_reporter', 'resolved', 'cancelled'],
  waiting_for_reporter: ['in_progress', 'resolved', 'cancelled'],
  forwarded: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['reopened'],
  cancelled: [],
} as const satisfies OfferedTable;

const open = [
  'new',
  'planned',
  'in_progress',
  'waiting_for_reporter',
  'forwarded',
  'reopened',
] as const satisfies readonly Exclude<ReportStatus, ClosedStatus>[];

const textRequired = ['resolved', 'reopened'] as const satisfies readonly TextRequiredStatus[];
const reporterText = [
  'resolved',
  'cancelled',
  'reopened',
  'waiting_for_reporter',
] as const satisfies readonly ReporterTextStatus[];

/** `satisfies` checks only one way (no value the server lacks); these check the other (none left out). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<Checks extends boolean> = false extends Checks ? false : true;
export type IsExactCopy<Copy extends OfferedTable<Server>, Server extends ServerTable = AllowedTransitions> = AllTrue<
  { [From in ReportStatus]: Same<Copy[From][number], OfferedNext<From, Server>> }[ReportStatus]
>;
export type OfferedNextCopy = typeof offeredNext;
type Complete = AllTrue<
  | IsExactCopy<OfferedNextCopy>
  | Same<(typeof open)[number], Exclude<ReportStatus, ClosedStatus>>
  | Same<(typeof textRequired)[number], TextRequiredStatus>
  | Same<(typeof reporterText)[number], ReporterTextStatus>
>;
export const workflowCopyIsComplete: Complete = true;

/** The statuses a report may get next by a status change (forwarding is an assignment). */
export const nextStatuses: Readonly<Record<ReportStatus, readonly ReportStatus[]>> = offeredNext;
export const openStatuses: readonly ReportStatus[] = open;
/** The reporter reads this text: closing or reopening needs one. */
export const textRequiredFor: readonly ReportStatus[] = textRequired;
/** The reporter reads the text of a change to these (status page, e-mail); of other changes it stays internal. */
export const reporterTextFor: readonly ReportStatus[] = reporterText;

/** Overdue first, then the nearest deadline. */
export function byUrgency(a: ReportSummary, b: ReportSummary): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  return a.deadline.localeCompare(b.deadline);
}
