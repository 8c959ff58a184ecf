import type { Queryable } from '../../db/db.ts';
import type { IdempotencyClaim, NewReportRow } from './repository.ts';

/**
 * One intake's writes: the report, its first history entry, the confirmation e-mail in the outbox when the
 * reporter left an address (src/domain/outbox), and, with an Idempotency-Key, the key's claim. The history entry
 * repeats the routing decision; it is built in SQL from the report's own columns, so the reasons travel once. The
 * confirmation is written by this statement, not through the outbox's enqueueMessages, to keep intake one statement
 * (one transaction, one plan); its payload is the outbox's `confirmation` template's (TemplatePayloads).
 */
export interface IntakeWrite {
  row: NewReportRow;
  created: { actor: { id: string | null; label: string }; assigneeName: string };
  claim: IdempotencyClaim | null;
  /** Write only while routing's data is at this version; null writes unconditionally. */
  routingDataVersion: number | null;
}

export type IntakeWriteOutcome = 'stored' | 'key_taken' | 'routing_data_changed';

// JSON carries a lone UTF-16 surrogate as an escape that jsonb refuses, failing the whole batch; as a
// plain text parameter it became U+FFFD. Resident text gets that same treatment here.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text: string | null): string | null =>
  text === null ? null : text.replace(loneSurrogate, '\uFFFD');

/**
 * Stores any number of intakes in ONE statement, which PostgreSQL runs as one transaction, and says
 * per intake what happened.
 * - With a key, an intake's report and history are only written when its key was claimed; a concurrent
 *   holder of the key makes the claim wait for its commit and then come back empty ('key_taken').
 *   Two intakes with the same scope and key must not share a call.
 * - With a version, nothing of that intake is written unless routing's data is still at that version
 *   ('routing_data_changed'): the decision was made on data that is current when the report lands.
 *   `current_routing_data_version()` (migration 0100) takes a shared advisory lock first, so it waits for
 *   a transaction that is changing that data (an absence being registered and its reports re-routed)
 *   and then reads the new version: no report lands with an officer just marked away.
 * The intakes travel as one jsonb array, so one prepared plan serves every batch size.
 */
export async function storeIntakes(db: Queryable, writes: readonly IntakeWrite[]): Promise<IntakeWriteOutcome[]> {
  const input = writes.map((write, ord) => {
    const { row, created, claim } = write;
    return {
      ord,
      id: row.id,
      municipality_code: row.municipalityCode,
      tracking_code: row.trackingCode,
      category_id: row.categoryId,
      description: wellFormed(row.description),
      occurred_at: row.occurredAt,
      source: row.source,
      x: row.rd.x,
      y: row.rd.y,
      address_text: wellFormed(row.addressText),
      district_code: row.districtCode,
      neighbourhood_code: row.neighbourhoodCode,
      urgent: row.urgent,
      deadline: row.deadline.toISOString(),
      assignee_kind: row.assignee.kind,
      assignee_id: row.assignee.id,
      assignee_name: created.assigneeName,
      routing_rule: row.routing.rule,
      routing_reason_nl: row.routing.reasonNl,
      routing_reason_en: row.routing.reasonEn,
      reporter_email: wellFormed(row.reporter.email),
      reporter_phone: wellFormed(row.reporter.phone),
      reporter_consent_share: row.reporter.consentToShare,
      reporter_name: wellFormed(row.reporter.name),
      reporter_language: row.reporter.language,
      media_url: wellFormed(row.mediaUrl),
      answers: row.answers,
      created_by: row.createdBy,
      created_at: row.createdAt,
      actor_id: created.actor.id,
      actor_label: created.actor.label,
      routing_data_version: write.routingDataVersion,
      claim_scope: claim?.scope ?? null,
      claim_key: claim?.key ?? null,
      claim_hash: claim?.requestHash ?? null,
      claim_status: claim?.statusCode ?? null,
      claim_response: claim?.response ?? null,
    };
  });
  const { rows } = await db.query<{ ord: number; current: boolean; stored: boolean }>(
    `WITH input AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
         ord int, id uuid, municipality_code text, tracking_code text, category_id uuid, description text, occurred_at timestamptz,
         source text, x float8, y float8, address_text text, district_code text, neighbourhood_code text, urgent boolean,
         deadline text, assignee_kind text, assignee_id uuid, assignee_name text, routing_rule text, routing_reason_nl text, routing_reason_en text,
         reporter_email text, reporter_phone text, reporter_consent_share boolean, reporter_name text, reporter_language text, media_url text, answers jsonb,
         created_by uuid, created_at timestamptz,
         actor_id uuid, actor_label text, routing_data_version bigint,
         claim_scope text, claim_key text, claim_hash text, claim_status int, claim_response jsonb)
     ), guard AS MATERIALIZED (
       SELECT current_routing_data_version() AS version WHERE EXISTS (SELECT 1 FROM input WHERE routing_data_version IS NOT NULL)
     ), admitted AS MATERIALIZED (
       SELECT * FROM input WHERE routing_data_version IS NULL OR routing_data_version = (SELECT version FROM guard)
     ), claim AS (
       INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at)
       SELECT claim_scope, claim_key, claim_hash, claim_status, claim_response, created_at FROM admitted WHERE claim_key IS NOT NULL
       ORDER BY claim_scope, claim_key -- concurrent statements claim shared keys in one order: no deadlock
       ON CONFLICT (scope, key) DO NOTHING RETURNING scope, key
     ), report AS (
       INSERT INTO reports (id, municipality_code, tracking_code, category_id, description, occurred_at, source, location,
         address_text, district_code, neighbourhood_code, status, urgent, deadline, assignee_kind, assignee_id, routing_rule,
         routing_reason_nl, routing_reason_en, reporter_email, reporter_phone, reporter_consent_share, reporter_name, reporter_language,
         media_url, answers, created_by, created_at, updated_at)
       SELECT id, municipality_code, tracking_code, category_id, description, occurred_at, source, ST_SetSRID(ST_MakePoint(x, y), 28992),
              address_text, district_code, neighbourhood_code, 'new', urgent, deadline::timestamptz, assignee_kind, assignee_id, routing_rule,
              routing_reason_nl, routing_reason_en, reporter_email, reporter_phone, reporter_consent_share, reporter_name, reporter_language,
              media_url, answers, created_by, created_at, created_at
         FROM admitted a
        WHERE claim_key IS NULL OR EXISTS (SELECT 1 FROM claim c WHERE c.scope = a.claim_scope AND c.key = a.claim_key)
       RETURNING id
     ), history AS (
       INSERT INTO report_history (report_id, at, actor_id, actor_label, action, from_status, to_status, text, data)
       SELECT a.id, a.created_at, a.actor_id, a.actor_label, 'created', NULL, 'new', a.routing_reason_nl,
              jsonb_build_object('source', a.source, 'districtCode', a.district_code, 'deadline', a.deadline,
                'assignee', jsonb_build_object('id', a.assignee_id, 'name', a.assignee_name, 'kind', a.assignee_kind),
                'routing', jsonb_build_object('rule', a.routing_rule, 'reason', jsonb_build_object('nl', a.routing_reason_nl, 'en', a.routing_reason_en)))
         FROM admitted a JOIN report r ON r.id = a.id
       RETURNING report_id
     ), confirmation AS (
       INSERT INTO outbox_messages (municipality_code, report_id, event_key, channel, recipient, template, payload,
                                    next_attempt_at, created_at)
       SELECT a.municipality_code, a.id, 'report:' || a.id || ':created', 'email', a.reporter_email, 'confirmation',
              jsonb_build_object('language', a.reporter_language, 'trackingCode', a.tracking_code,
                'category', jsonb_build_object('nl', c.name_nl, 'en', c.name_en),
                'assigneeName', a.assignee_name, 'deadline', a.deadline),
              a.created_at, a.created_at
         FROM admitted a JOIN report r ON r.id = a.id JOIN categories c ON c.id = a.category_id
        WHERE a.reporter_email IS NOT NULL
       ON CONFLICT (event_key, channel, recipient) DO NOTHING
     )
     SELECT i.ord, EXISTS (SELECT 1 FROM admitted a WHERE a.ord = i.ord) AS current,
            EXISTS (SELECT 1 FROM history h WHERE h.report_id = i.id) AS stored
       FROM input i`,
    [JSON.stringify(input)],
    { name: 'store-intakes' },
  );
  const outcomes: IntakeWriteOutcome[] = writes.map(() => 'routing_data_changed');
  for (const row of rows)
    outcomes[row.ord] = row.stored ? 'stored' : row.current ? 'key_taken' : 'routing_data_changed';
  return outcomes;
}
