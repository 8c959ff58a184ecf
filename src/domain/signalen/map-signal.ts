/**
 * One Signalen signal (the `signals/v1/private/signals` item of Amsterdam/signals: id, created_at, text, category
 * {main_slug, sub_slug, category_url, deadline}, location {geometrie, address, address_text}, status {state, text,
 * created_at}, reporter, priority, incident_date_start, and optionally `history`) → a Wijkpost report with its
 * history, or the reason it is skipped. A signal is taken whole or not at all. Pure: the caller hands in the
 * district locator, the category lookup and the queue of each district.
 */
import type { LocatedPoint } from '../geography/index.ts';
import { isClosed, type ReportStatus } from '../reports/index.ts';
import { buildTimeline, type ImportedHistoryEntry, type Moment } from './map-history.ts';
import {
  asFilledText,
  asObject,
  asText,
  contactValue,
  formatAddress,
  parseTimestamp,
  storableText,
  type JsonObject,
} from './signal-fields.ts';
import { slugsOfCategoryUrl } from './category-mapping.ts';
import { statusOfSignalenState } from './states.ts';

export const skipCodes = [
  'invalid_signal',
  'duplicate_in_file',
  'already_imported',
  'no_location',
  'outside_municipality',
  'unknown_category',
  'invalid_date',
  'unknown_state',
] as const;
export type SkipCode = (typeof skipCodes)[number];

export interface MappedCategory {
  id: string;
  code: string;
  urgent: boolean;
  deadline: { amount: number; unit: 'workdays' | 'days' };
}

export interface SignalContext {
  now: Date;
  /** RD New → district of this municipality, or null. */
  locate(lon: number, lat: number): { located: LocatedPoint; rd: { x: number; y: number } } | null;
  category(main: string | null, sub: string | null): MappedCategory | { problem: string };
  deadline(category: MappedCategory, createdAt: Date): Date;
  queueOf(districtCode: string): { id: string; name: string };
}

/** Longest description a report holds (reports.description); a longer Signalen text is kept whole in a note. */
export const DESCRIPTION_MAX = 1000;
const ADDRESS_MAX = 300;

export interface MappedSignal {
  externalId: string;
  categoryId: string;
  description: string;
  occurredAt: Moment | null;
  rd: { x: number; y: number };
  addressText: string | null;
  located: LocatedPoint;
  status: ReportStatus;
  urgent: boolean;
  deadline: Date;
  assignee: { kind: 'queue'; id: string; name: string };
  reason: { nl: string; en: string };
  reporter: { email: string | null; phone: string | null; consentToShare: boolean };
  createdAt: Moment;
  updatedAt: Moment;
  closedAt: Moment | null;
  history: ImportedHistoryEntry[];
}

export type SignalOutcome = { ok: true; signal: MappedSignal } | { ok: false; code: SkipCode; reason: string };

const skip = (code: SkipCode, reason: string): SignalOutcome => ({ ok: false, code, reason });

export const IMPORT_RULE = 'signalen-import';

/** The id Signalen gave the signal (a number, or a uuid in a Wijkpost export), or null. */
export function externalIdOf(item: unknown): string | null {
  const id = asFilledText(asObject(item)?.id);
  return id && id.length <= 200 ? id : null;
}

export function mapSignal(item: JsonObject, externalId: string, context: SignalContext): SignalOutcome {
  const moments = momentsOf(item, context.now);
  if (!moments.ok) return moments;
  const location = asObject(item.location);
  const point = pointOf(location?.geometrie);
  if (!point) return skip('no_location', 'location.geometrie is not a GeoJSON Point [longitude, latitude]');
  const place = context.locate(point[0], point[1]);
  if (!place) return skip('outside_municipality', `the point ${point[1]}, ${point[0]} lies in none of its districts`);
  const categoryObject = asObject(item.category);
  const slugs = categorySlugs(categoryObject);
  const category = context.category(slugs.main, slugs.sub);
  if ('problem' in category) return skip('unknown_category', category.problem);

  const queue = context.queueOf(place.located.districtCode);
  const reason = importReason(externalId, queue.name);
  const timeline = buildTimeline({
    signalId: externalId,
    createdAt: moments.createdAt,
    current: moments.current,
    history: item.history,
    created: {
      text: reason.nl,
      data: {
        source: 'signalen',
        districtCode: place.located.districtCode,
        assignee: { id: queue.id, name: queue.name, kind: 'queue' },
        routing: { rule: IMPORT_RULE, reason },
        signalen: { id: externalId, mainSlug: slugs.main, subSlug: slugs.sub },
      },
    },
  });
  if (!timeline.ok) return skip('invalid_date', timeline.reason);
  const { description, history } = describe(item, externalId, moments.createdAt, timeline.entries);
  const address = asFilledText(location?.address_text) ?? formatAddress(asObject(location?.address));
  return {
    ok: true,
    signal: {
      externalId,
      categoryId: category.id,
      description,
      occurredAt: moments.occurredAt,
      rd: place.rd,
      addressText: address ? storableText(address).slice(0, ADDRESS_MAX) : null,
      located: place.located,
      status: timeline.status,
      urgent: category.urgent || asText(asObject(item.priority)?.priority) === 'high',
      deadline: parseTimestamp(categoryObject?.deadline)?.date ?? context.deadline(category, moments.createdAt.date),
      assignee: { kind: 'queue', id: queue.id, name: queue.name },
      reason,
      reporter: reporterOf(asObject(item.reporter), !isClosed(timeline.status)),
      createdAt: moments.createdAt,
      updatedAt: laterOf(moments.updatedAt, timeline.lastAt),
      closedAt: timeline.closedAt,
      history,
    },
  };
}

type Moments = {
  ok: true;
  createdAt: Moment;
  updatedAt: Moment | null;
  occurredAt: Moment | null;
  current: { state: string; status: ReportStatus; text: string | null; at: Moment | null };
};

/** The dates and the current state; any date that is there must be ISO 8601 with a zone. */
function momentsOf(item: JsonObject, now: Date): Moments | { ok: false; code: SkipCode; reason: string } {
  const createdAt = parseTimestamp(item.created_at);
  if (!createdAt)
    return { ok: false, code: 'invalid_date', reason: '`created_at` is missing or not ISO 8601 with a zone' };
  if (createdAt.date > now) return { ok: false, code: 'invalid_date', reason: '`created_at` lies in the future' };
  const statusObject = asObject(item.status);
  const state = asText(statusObject?.state) ?? '';
  const status = statusOfSignalenState(state);
  if (status === null)
    return { ok: false, code: 'unknown_state', reason: `status.state "${state.slice(0, 40)}" is not a Signalen state` };
  const statusAt = optionalTimestamp(statusObject?.created_at);
  const updatedAt = optionalTimestamp(item.updated_at);
  const occurredAt = optionalTimestamp(item.incident_date_start);
  if (statusAt === 'invalid' || updatedAt === 'invalid' || occurredAt === 'invalid')
    return {
      ok: false,
      code: 'invalid_date',
      reason: 'status.created_at, updated_at or incident_date_start is not ISO 8601 with a zone',
    };
  return {
    ok: true,
    createdAt,
    updatedAt: updatedAt ?? null,
    occurredAt: occurredAt ?? null,
    current: { state, status, text: asText(statusObject?.text), at: statusAt ?? null },
  };
}

/** The description a report holds; a longer Signalen text is cut, and kept whole in a note right after `created`. */
function describe(
  item: JsonObject,
  externalId: string,
  createdAt: Moment,
  entries: ImportedHistoryEntry[],
): { description: string; history: ImportedHistoryEntry[] } {
  const text = storableText(asText(item.text) ?? '');
  if (text.length <= DESCRIPTION_MAX) return { description: text, history: entries };
  const note: ImportedHistoryEntry = {
    at: createdAt,
    action: 'note',
    fromStatus: null,
    toStatus: null,
    text: `Volledige tekst uit Signalen: ${text}`,
    data: { signalen: { id: externalId, fullText: true } },
  };
  return {
    description: `${text.slice(0, DESCRIPTION_MAX - 1)}…`,
    history: [entries[0]!, note, ...entries.slice(1)],
  };
}

/**
 * Contact is kept only for open reports, to answer the reporter; for closed ones it is not taken over at all
 * (Signalen itself anonymises it a year after closing, and Wijkpost has no such job yet).
 */
function reporterOf(reporter: JsonObject | null, open: boolean): MappedSignal['reporter'] {
  if (!open) return { email: null, phone: null, consentToShare: false };
  return {
    email: emailOf(reporter?.email),
    phone: phoneOf(reporter?.phone),
    consentToShare: reporter?.sharing_allowed === true,
  };
}

/** Why the report is where it is: the import places open reports in the coordinator queue (see README). */
export function importReason(externalId: string, queueName: string): { nl: string; en: string } {
  return {
    nl: `Overgenomen uit Signalen (melding ${externalId}); de coördinator (${queueName}) verdeelt open meldingen.`,
    en: `Taken over from Signalen (signal ${externalId}); the coordinator (${queueName}) hands out open reports.`,
  };
}

function optionalTimestamp(value: unknown): Moment | undefined | 'invalid' {
  if (value === undefined || value === null || value === '') return undefined;
  return parseTimestamp(value) ?? 'invalid';
}

function laterOf(a: Moment | null, b: Moment): Moment {
  return a && a.date >= b.date ? a : b;
}

function pointOf(geometry: unknown): [number, number] | null {
  const object = asObject(geometry);
  if (object?.type !== 'Point' || !Array.isArray(object.coordinates)) return null;
  const [lon, lat] = object.coordinates as unknown[];
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
  return [lon, lat];
}

function categorySlugs(category: JsonObject | null): { main: string | null; sub: string | null } {
  const main = asFilledText(category?.main_slug);
  const sub = asFilledText(category?.sub_slug);
  if (sub) return { main, sub };
  const url = asFilledText(category?.category_url) ?? asFilledText(category?.sub_category);
  const fromUrl = url ? slugsOfCategoryUrl(url) : null;
  return fromUrl ?? { main, sub: null };
}

function emailOf(value: unknown): string | null {
  const email = contactValue(value);
  return email && email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

function phoneOf(value: unknown): string | null {
  const phone = contactValue(value);
  return phone && phone.length <= 40 ? phone : null;
}
