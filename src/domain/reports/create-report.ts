import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { computeDeadline } from '../../shared/time/index.ts';
import { hasAnyRole, type Role, type StaffUser } from '../../shared/staff.ts';
import { countAssignment, decideRouting, type RoutingDecision } from '../routing/index.ts';
import { checkIdempotencyKey, idempotencyScope, replayFor, requestHash } from './idempotency.ts';
import { resolveIntake, type ResolvedIntake } from './intake-input.ts';
import type { IntakeWriteOutcome } from './intake-store.ts';
import { intakeWriterFor } from './intake-writer.ts';
import type { CreatedReport, ReportSource } from './schemas.ts';
import { newTrackingCode } from './tracking-code.ts';

export interface CreateReportCommand {
  /** Unvalidated: structural and domain problems are reported together (see resolveIntake). */
  body: unknown;
  contentCrs: string | undefined;
  caller: { staff: StaffUser | null; ip: string; channel?: IntakeChannel };
  idempotencyKey: string | undefined;
}

/**
 * A channel of its own that files reports for residents (Open311): set by the channel's use case, never
 * from a request body. It may file with its source, and adds what the web form has no field for.
 */
export interface IntakeChannel {
  source: 'open311';
  /** The municipality (Open311 jurisdiction) the report is for: a point outside it is refused, as for staff. */
  municipalityCode: string;
  /** Who filed, as the history shows it (e.g. "Open311: demo"). */
  label: string;
  mediaUrl: string | null;
  /** Checked by the channel against the category's questions. */
  answers: Record<string, string[]> | null;
}

export interface CreateReportOutcome {
  statusCode: number;
  report: CreatedReport;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/** Who may file a report from which channel; anyone may use the web form. */
const rolesBySource: Record<ReportSource, readonly Role[] | 'anyone'> = {
  web: 'anyone',
  phone: ['contact_centre'],
  email: ['contact_centre'],
  street: ['officer'],
  partner: ['partner'],
  open311: [],
  signalen: [],
};

function checkSourceAllowed(source: unknown, staff: StaffUser | null, channel: IntakeChannel | undefined): void {
  if (channel && source !== channel.source)
    throw new Error(`the ${channel.source} channel filed a report with source ${String(source)}`);
  if (channel) return;
  if (typeof source !== 'string' || !(source in rolesBySource)) return; // the schema reports it
  const allowed = rolesBySource[source as ReportSource];
  if (allowed === 'anyone' || (staff && hasAnyRole(staff, allowed))) return;
  throw new DomainError(
    'forbidden',
    allowed.length
      ? `Reports with source "${source}" are filed by signed-in staff with the role ${allowed.join(' or ')}.`
      : `Reports with source "${source}" come in through their own channel.`,
  );
}

const operation = 'POST /api/v1/reports';

/**
 * Intake: validates, locates, applies the category's deadline, routes, and stores the report, its
 * first history entry and the idempotency record in one statement (one transaction). Returns only
 * after COMMIT, so an acknowledged report is never lost.
 */
export async function createReport(
  deps: { db: Db; clock: Clock },
  command: CreateReportCommand,
): Promise<CreateReportOutcome> {
  const { staff, ip, channel } = command.caller;
  const source = (command.body as { source?: unknown } | null)?.source;
  checkSourceAllowed(source, staff, channel);

  const scope = idempotencyScope(channel ? `${operation} ${channel.label}` : operation, {
    staffId: staff?.id ?? null,
    ip,
  });
  // Only a request with a key can be replayed, so only then is its hash needed.
  const hash =
    command.idempotencyKey === undefined
      ? ''
      : requestHash({ body: command.body, contentCrs: command.contentCrs ?? null });
  if (command.idempotencyKey !== undefined) {
    checkIdempotencyKey(command.idempotencyKey);
    const earlier = await replayFor(deps.db, scope, command.idempotencyKey, hash);
    if (earlier) return { statusCode: earlier.statusCode, report: earlier.response as CreatedReport, replayed: true };
  }

  const idempotency = { scope, key: command.idempotencyKey, hash };
  const outcome = await intakeFromCachedData(deps, command, idempotency);
  if (outcome !== 'key_taken') return { statusCode: 201, report: outcome, replayed: false };
  if (command.idempotencyKey === undefined) throw new Error('an intake without Idempotency-Key found its key taken');
  // A concurrent retry committed first: answer with its result, exactly as a later retry would get.
  const earlier = await replayFor(deps.db, scope, command.idempotencyKey, hash);
  if (!earlier)
    throw new DomainError('conflict', 'A request with this Idempotency-Key is still being processed; retry shortly.');
  return { statusCode: earlier.statusCode, report: earlier.response as CreatedReport, replayed: true };
}

/**
 * Decides on the cached district locator, categories and routing data without asking whether they are current, and
 * lets the insert check that (one statement for the whole intake). When the data changed meanwhile,
 * or the cached data found a problem, it goes again on verified data; the last attempt writes on
 * verified data unconditionally, as a read-then-write intake would.
 */
async function intakeFromCachedData(
  deps: { db: Db; clock: Clock },
  command: CreateReportCommand,
  idempotency: { scope: string; key: string | undefined; hash: string },
): Promise<CreatedReport | 'key_taken'> {
  const { staff } = command.caller;
  const attempts = [
    { verify: false, guard: true },
    { verify: true, guard: true },
    { verify: true, guard: false },
  ];
  for (const [index, attempt] of attempts.entries()) {
    let intake: ResolvedIntake;
    let report: DecidedReport;
    try {
      intake = await resolveIntake(deps, {
        body: command.body,
        contentCrs: command.contentCrs,
        staffMunicipalityCode: command.caller.channel?.municipalityCode ?? staff?.municipalityCode ?? null,
        verifyCachedData: attempt.verify,
      });
      report = await decide(deps, intake);
    } catch (error) {
      if (attempt.verify) throw error;
      continue;
    }
    // The insert checks routing's version only, so the point must have been placed on that version's geography.
    if (attempt.guard && intake.routingData?.geographyVersion !== intake.geographyVersion) continue;
    const version = attempt.guard ? (intake.routingData?.version ?? null) : null;
    const stored = await storeReport(deps.db, report, intake, command.caller, idempotency, version);
    if (stored === 'stored') {
      if (report.routing.assignee.kind === 'officer')
        countAssignment(deps.db, intake.located.municipalityCode, report.routing.assignee.id);
      return report.response;
    }
    if (stored === 'key_taken') return 'key_taken';
    if (index === attempts.length - 1) throw new Error('an unguarded intake reported changed routing data');
  }
  throw new Error('intake attempts exhausted');
}

interface DecidedReport {
  response: CreatedReport;
  now: Date;
  source: ReportSource;
  deadline: Date;
  routing: RoutingDecision;
}

/**
 * Deadline and routing. Read before the write on purpose: under READ COMMITTED a transaction around
 * both would see the same committed state, and outside one the reads may share the pool.
 */
async function decide(deps: { db: Db; clock: Clock }, intake: ResolvedIntake): Promise<DecidedReport> {
  const { body, located, category } = intake;
  const now = deps.clock.now();
  const source: ReportSource = body.source ?? 'web';
  const { timeZone } = intake;
  const deadline = computeDeadline(category.deadline, now, timeZone);
  const routing = await decideRouting(
    { db: deps.db },
    {
      municipalityCode: located.municipalityCode,
      receivedAt: now,
      timeZone,
      categoryCode: category.code,
      parentCategoryCode: category.parentCode,
      urgent: category.urgent,
      deadline,
      source,
      districtCode: located.districtCode,
      boroughCode: located.boroughCode,
      routingData: intake.routingData,
    },
  );
  const response: CreatedReport = {
    id: randomUUID(),
    trackingCode: newTrackingCode(),
    status: 'new',
    createdAt: now.toISOString(),
    deadline: deadline.toISOString(),
    category: { code: category.code, name: category.nameNl },
    district: { code: located.districtCode, name: located.districtName },
    assignee: { id: routing.assignee.id, name: routing.assignee.name, kind: routing.assignee.kind },
    routing: { rule: routing.rule, reason: { nl: routing.reasonNl, en: routing.reasonEn } },
  };
  return { response, now, source, deadline, routing };
}

/**
 * Report, first history entry and idempotency record: one statement, so one transaction, which
 * concurrent intakes share (intake-writer.ts). Resolves after COMMIT.
 */
async function storeReport(
  db: Db,
  report: DecidedReport,
  intake: ResolvedIntake,
  caller: CreateReportCommand['caller'],
  idempotency: { scope: string; key: string | undefined; hash: string },
  routingDataVersion: number | null,
): Promise<IntakeWriteOutcome> {
  const { body, located, category } = intake;
  const { staff, channel } = caller;
  const { response, now, source, deadline, routing } = report;
  return intakeWriterFor(db).write({
    row: {
      id: response.id,
      municipalityCode: located.municipalityCode,
      trackingCode: response.trackingCode,
      categoryId: category.id,
      description: body.description,
      occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
      source,
      rd: intake.rd,
      addressText: body.address ?? null,
      districtCode: located.districtCode,
      neighbourhoodCode: located.neighbourhoodCode,
      urgent: category.urgent,
      deadline,
      assignee: routing.assignee,
      routing: { rule: routing.rule, reasonNl: routing.reasonNl, reasonEn: routing.reasonEn },
      reporter: {
        email: body.reporter?.email ?? null,
        phone: body.reporter?.phone ?? null,
        name: body.reporter?.name ?? null,
        consentToShare: body.reporter?.consentToShareWithPartners ?? false,
        language: body.reporter?.language ?? 'nl',
      },
      mediaUrl: channel?.mediaUrl ?? null,
      answers: channel?.answers ?? null,
      createdBy: staff?.id ?? null,
      createdAt: now,
    },
    created: {
      actor: staff ? { id: staff.id, label: staff.name } : { id: null, label: channel?.label ?? 'public' },
      assigneeName: routing.assignee.name,
    },
    claim:
      idempotency.key === undefined
        ? null
        : { scope: idempotency.scope, key: idempotency.key, requestHash: idempotency.hash, statusCode: 201, response },
    routingDataVersion,
  });
}
