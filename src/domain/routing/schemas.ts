import { z } from 'zod';

/** `signalen`: taken over from Signalen by `wijkpost import signalen`; never filed through intake. */
export const reportSources = ['web', 'phone', 'street', 'partner', 'email', 'open311', 'signalen'] as const;
export type ReportSource = (typeof reportSources)[number];
export const assigneeKinds = ['officer', 'team', 'partner', 'queue'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];

const clockTimeSchema = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'A local time "HH:MM"');
const codeListSchema = z.array(z.string().min(1).max(60)).min(1).max(200);

export const ruleConditionsSchema = z
  .object({
    categoryCodes: codeListSchema.optional().describe('Matches the subcategory or its main category'),
    districtCodes: codeListSchema.optional(),
    boroughCodes: codeListSchema.optional(),
    sources: z.array(z.enum(reportSources)).min(1).optional(),
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .max(7)
      .optional()
      .describe('ISO weekdays, 1 = Monday, local time'),
    timeFrom: clockTimeSchema.optional().describe('Local time; with timeTo. A window may wrap midnight (22:00–06:00)'),
    timeTo: clockTimeSchema.optional(),
  })
  .strict();
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  active: z.boolean().default(true),
  conditions: ruleConditionsSchema,
  target: z.object({ kind: z.enum(assigneeKinds), id: z.uuid() }),
  reasonNl: z.string().trim().min(1).max(500).optional(),
  reasonEn: z.string().trim().min(1).max(500).optional(),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export const replaceRulesBodySchema = z.object({
  rules: z.array(ruleInputSchema).max(500).describe('The complete ordered list; the first matching rule wins'),
});
export type ReplaceRulesBody = z.infer<typeof replaceRulesBodySchema>;

export const ruleSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  active: z.boolean(),
  conditions: ruleConditionsSchema,
  target: z.object({ kind: z.enum(assigneeKinds), id: z.uuid(), name: z.string().nullable() }),
  reasonNl: z.string().nullable(),
  reasonEn: z.string().nullable(),
});
export type RoutingRuleView = z.infer<typeof ruleSchema>;

export const rulesResponseSchema = z.object({ rules: z.array(ruleSchema) });

// ── The routing decision's data ────────────────────────────────────────────────

export interface RoutingInput {
  receivedAt: Date;
  timeZone: string;
  categoryCode: string;
  parentCategoryCode: string | null;
  urgent: boolean;
  deadline: Date;
  source: ReportSource;
  districtCode: string;
  boroughCode: string | null;
}

export type AbsenceKind = 'sick' | 'leave' | 'training' | 'other';

export interface OfficerSnapshot {
  id: string;
  name: string;
  /** ISO weekdays. */
  workingWeekdays: number[];
  districtWeekdays: number[];
  /** Local "HH:MM". */
  workStart: string;
  workEnd: string;
  /** Non-cancelled absences; [startsAt, endsAt). */
  absences: { kind: AbsenceKind; startsAt: Date; endsAt: Date }[];
  openReportCount: number;
  /** Boroughs of the districts this officer owns. */
  boroughCodes: string[];
}

export interface CoordinatorGroupSnapshot {
  id: string;
  name: string;
  coordinatorName: string | null;
  boroughCodes: string[];
}

export interface RoutingRule {
  name: string;
  active: boolean;
  conditions: RuleConditions;
  target: { kind: AssigneeKind; id: string };
  reasonNl: string | null;
  reasonEn: string | null;
}

export interface DistrictSnapshot {
  code: string;
  name: string;
  boroughCode: string | null;
  boroughName: string | null;
  ownerId: string | null;
  backupId: string | null;
}

export interface RoutingSnapshot {
  district: DistrictSnapshot;
  /** All active officers of the municipality. */
  officers: OfficerSnapshot[];
  /** The group whose boroughs include the district's borough, if any. */
  coordinatorGroup: CoordinatorGroupSnapshot | null;
  /** Every group of the municipality: rule targets of kind queue, and the queue of last resort. */
  coordinatorGroups: CoordinatorGroupSnapshot[];
  /** Ordered by position; first match wins. */
  rules: RoutingRule[];
  teams: { id: string; code: string; name: string; kind: 'team' | 'partner' }[];
}

export interface RoutingDecision {
  assignee: { kind: AssigneeKind; id: string; name: string };
  rule: string;
  reasonNl: string;
  reasonEn: string;
}

/** One step a routing decision walked, for the "try it" preview (routeReport's trace). */
export interface RoutingStep {
  /** `rule:NAME`, `backup-chain` for someone passed over, or the deciding step (`district-owner`, …). */
  step: string;
  outcome: 'inactive' | 'no_match' | 'target_unavailable' | 'passed_over' | 'decided';
  nl: string;
  en: string;
}

// ── The "try it" preview ────────────────────────────────────────────────────────

export const routingPreviewBodySchema = z.object({
  location: z
    .object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
    .optional()
    .describe('WGS 84 (CRS84) latitude and longitude of the hypothetical report; or give addressId'),
  addressId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('An address id from the address search, instead of location'),
  categoryCode: z.string().min(1).max(60).describe('A subcategory of your municipality'),
  moment: z.iso.datetime({ offset: true }).optional().describe('When the report would come in; now when left out'),
  source: z.enum(reportSources).default('web'),
  rules: z
    .array(ruleInputSchema)
    .max(500)
    .optional()
    .describe('An unsaved rule set to try instead of the saved rules (the PUT body’s rules)'),
});
export type RoutingPreviewBody = z.infer<typeof routingPreviewBodySchema>;

const phraseFields = { nl: z.string(), en: z.string() };

export const routingPreviewSchema = z.object({
  moment: z.iso.datetime({ offset: true }),
  source: z.enum(reportSources),
  district: z.object({ code: z.string(), name: z.string(), boroughCode: z.string().nullable() }),
  category: z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string(), urgent: z.boolean() }),
  deadline: z.iso.datetime({ offset: true }),
  rulesFrom: z.enum(['saved', 'body']).describe('Whether the saved rules or the rules in the request were tried'),
  decision: z.object({
    holder: z.object({ kind: z.enum(assigneeKinds), id: z.uuid(), name: z.string() }),
    rule: z.string(),
    reasonNl: z.string(),
    reasonEn: z.string(),
  }),
  chain: z
    .array(
      z.object({
        step: z.string(),
        outcome: z.enum(['inactive', 'no_match', 'target_unavailable', 'passed_over', 'decided']),
        ...phraseFields,
      }),
    )
    .describe('Every step the decision walked, in order'),
});
export type RoutingPreview = z.infer<typeof routingPreviewSchema>;
