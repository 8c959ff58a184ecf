/**
 * Type tests (checked by `npm run typecheck`, never bundled): the UI's workflow copy must follow the server's
 * table both ways. Each @ts-expect-error fails the build if the check it expects stopped catching the change.
 */
import type { AllowedTransitions, ReportStatus } from '../../api/contract.ts';
import type { IsExactCopy, OfferedNextCopy, OfferedTable } from './workflow.ts';

export const copyMatchesServer: IsExactCopy<OfferedNextCopy> = true;

type ServerWith<Change extends Partial<Record<ReportStatus, readonly ReportStatus[]>>> = Omit<
  AllowedTransitions,
  keyof Change
> &
  Change;
type ServerAddedTransition = ServerWith<{ cancelled: readonly ['reopened'] }>;
type ServerDroppedTransition = ServerWith<{ resolved: readonly [] }>;
const copy = {} as OfferedNextCopy;

// @ts-expect-error the server allows one more transition: the copy no longer is exact
export const serverAdded: IsExactCopy<OfferedNextCopy, ServerAddedTransition> = true;

// @ts-expect-error the server drops a transition the copy still offers: the copy no longer fits
export const serverDropped: OfferedTable<ServerDroppedTransition> = copy;

// @ts-expect-error offering `forwarded` as a status change: only an assignment to a partner sets it
export const offersForwarded: OfferedTable = { ...copy, new: ['forwarded'] };
