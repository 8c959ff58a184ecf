import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../http/route-kit.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { crsHeaderValue } from '../geography/index.ts';
import { getReport } from './get-report.ts';
import type { ReportDetail } from './schemas.ts';

/** `If-Match: "7"` (or W/"7") → 7; absent or `*` → no check. */
export function expectedVersionOf(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(ifMatch);
  if (!match) {
    throw new DomainError('validation', 'If-Match holds the ETag of the report, e.g. "3".', [
      { name: 'headers.if-match', reason: 'not an ETag of a report', code: 'invalid_etag' },
    ]);
  }
  return Number(match[1]);
}

export async function sendDetail(
  deps: AppDeps,
  reply: FastifyReply,
  viewer: StaffUser,
  reportId: string,
  crs?: string,
): Promise<ReportDetail> {
  const { report, crs: used } = await getReport(deps, { viewer, reportId, crs });
  reply.header('ETag', `"${report.version}"`).header('Content-Crs', crsHeaderValue(used));
  return report;
}
