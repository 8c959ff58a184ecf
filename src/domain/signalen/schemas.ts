/**
 * The Signalen shape of GET /api/v1/exports/signalen: a page of Signalen's private signals list (HAL: `_links`,
 * `count`, `results`), with each signal's history as Signalen's history endpoint writes it. Field names follow
 * Amsterdam/signals (app/signals/apps/api/serializers: signal.py, nested/{category,location,status,reporter}.py,
 * signal_history.py); `wijkpost import signalen` reads it back.
 */
import { z } from 'zod';

const href = z.object({ href: z.string().nullable() });
const timestamp = z.iso.datetime({ offset: true }).describe('ISO 8601 timestamp with zone');

export const signalenHistoryEntrySchema = z.object({
  identifier: z.string(),
  when: timestamp,
  what: z.enum(['UPDATE_STATUS', 'CREATE_NOTE']),
  action: z.string().describe('e.g. "Status gewijzigd naar: Afgehandeld" or "Notitie toegevoegd:"'),
  description: z.string().nullable(),
  who: z.string().describe('Wijkpost: the staff member\'s name, "public" or "system"; Signalen: an e-mail address'),
  _signal: z.string(),
});

export const signalenSignalSchema = z.object({
  _links: z.object({ self: href }),
  _display: z.string(),
  id: z.string().describe("The Wijkpost report's id (Signalen's own ids are numbers)"),
  id_display: z.string().describe('SIG-<id> of the Signalen signal it was imported from, else the Wijkpost id'),
  signal_id: z.uuid(),
  source: z.string().describe('Where the report came in: web, phone, street, email, partner, open311, signalen'),
  text: z.string(),
  text_extra: z.string(),
  status: z.object({
    text: z.string().nullable(),
    user: z.null(),
    state: z
      .string()
      .describe('Signalen state code: m, ingepland, b, reaction requested, forward to external, o, a, reopened'),
    state_display: z.string(),
    created_at: timestamp,
  }),
  location: z.object({
    geometrie: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
    address: z.null().describe('Wijkpost keeps the address as one line: address_text'),
    address_text: z.string().nullable(),
    stadsdeel: z.string().nullable().describe('The borough code'),
    buurt_code: z.string().nullable().describe('The CBS neighbourhood code'),
    area_type_code: z.literal('cbs-wijk'),
    area_code: z.string().describe('The CBS district code'),
  }),
  category: z.object({
    main: z.string(),
    main_slug: z.string(),
    sub: z.string(),
    sub_slug: z.string(),
    departments: z.string(),
    text: z.null(),
    deadline: timestamp,
  }),
  reporter: z
    .object({
      email: z.string(),
      phone: z.string(),
      sharing_allowed: z.boolean(),
      allows_contact: z.boolean(),
    })
    .describe(
      "Never the contact itself: '*****' when known, '' when not (as Signalen shows it without the contact permission)",
    ),
  priority: z.object({ priority: z.enum(['high', 'normal']) }),
  created_at: timestamp,
  updated_at: timestamp,
  incident_date_start: timestamp.nullable(),
  incident_date_end: timestamp.nullable().describe('Always null: Wijkpost keeps no end of the incident'),
  history: z.array(signalenHistoryEntrySchema),
});
export type SignalenSignal = z.infer<typeof signalenSignalSchema>;

export const signalenPageSchema = z.object({
  _links: z.object({ self: href, next: href, previous: href }),
  count: z.number().int().describe("All reports of the administrator's municipality"),
  results: z.array(signalenSignalSchema),
});
export type SignalenPage = z.infer<typeof signalenPageSchema>;

export const signalenExportQuerySchema = z.object({
  pageSize: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional().describe('From `_links.next.href`; pages run from the oldest report'),
});
export type SignalenExportQuery = z.infer<typeof signalenExportQuerySchema>;
