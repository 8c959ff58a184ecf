import { z } from 'zod';
import { dateTimeInput } from '../../shared/time/index.ts';

const timestamp = z.string().describe('ISO 8601 timestamp with zone');
const codeAndName = z.object({ code: z.string(), name: z.string() });
const counts = { openReports: z.number().int(), overdueReports: z.number().int() };

// ── Team board ─────────────────────────────────────────────────────────────────
export const teamBoardOfficerSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  districts: z.array(z.object({ code: z.string(), name: z.string(), duty: z.enum(['owner', 'backup']) })),
  boroughCodes: z.array(z.string()).describe('Boroughs of the districts the officer owns'),
  workingToday: z.boolean(),
  districtDayToday: z.boolean(),
  absence: z
    .object({ kind: z.enum(['sick', 'leave', 'training', 'other']), endsAt: timestamp })
    .nullable()
    .describe('The absence running now, if any (no note: it is internal)'),
  ...counts,
});
export type TeamBoardOfficer = z.infer<typeof teamBoardOfficerSchema>;

export const teamBoardDistrictSchema = z.object({
  code: z.string(),
  name: z.string(),
  borough: codeAndName.nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  backup: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  ...counts,
});
export type TeamBoardDistrict = z.infer<typeof teamBoardDistrictSchema>;

export const teamBoardOtherAssigneeSchema = z.object({
  kind: z.enum(['team', 'partner', 'queue']),
  id: z.uuid(),
  name: z.string(),
  ...counts,
});

export const teamBoardSchema = z.object({
  generatedAt: timestamp,
  todayDate: z.iso.date().describe('Today in the municipal time zone'),
  officers: z.array(teamBoardOfficerSchema),
  districts: z.array(teamBoardDistrictSchema),
  otherAssignees: z
    .array(teamBoardOtherAssigneeSchema)
    .describe('Teams, partners and coordinator queues holding open reports'),
});
export type TeamBoard = z.infer<typeof teamBoardSchema>;

// ── Residents' feedback (management overview) ──────────────────────────────────
const feedbackFigures = {
  resolved: z.number().int().describe('Reports resolved in the period (first resolution)'),
  reopened: z.number().int().describe('Of those, reopened afterwards (by staff or by the reporter)'),
  reopenedByReporter: z.number().int().describe('Of those, reopened by the reporter\'s "not solved"'),
  reopenRate: z.number().nullable().describe('reopened / resolved; null without resolved reports'),
  responses: z.number().int().describe('Feedback given in the period'),
  solved: z.number().int().describe('Responses saying the problem is solved'),
  meanSatisfaction: z.number().nullable().describe('Mean satisfaction (1–5) of the responses; null without responses'),
};
export const feedbackOverviewSchema = z.object({
  byCategory: z.array(z.object({ categoryCode: z.string().describe('Main category'), ...feedbackFigures })),
  byDistrict: z.array(z.object({ districtCode: z.string(), districtName: z.string(), ...feedbackFigures })),
});
export type FeedbackOverview = z.infer<typeof feedbackOverviewSchema>;

// ── Management overview ────────────────────────────────────────────────────────
export const overviewQuerySchema = z.object({
  from: dateTimeInput().optional().describe('Default: 12 weeks before `to`'),
  to: dateTimeInput().optional().describe('Default: now'),
});
export type OverviewQuery = z.infer<typeof overviewQuerySchema>;

export const overviewSchema = z.object({
  from: timestamp,
  to: timestamp,
  categories: z
    .array(z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() }))
    .describe('Main categories'),
  boroughs: z.array(codeAndName),
  reportsPerWeek: z
    .array(
      z.object({
        weekStartDate: z.iso.date().describe('Monday of the ISO week (municipal time zone)'),
        categoryCode: z.string(),
        boroughCode: z.string().nullable(),
        reports: z.number().int(),
      }),
    )
    .describe(
      'Reports created per ISO week (municipal time zone) by main category and borough; combinations without reports are left out',
    ),
  deadlinePerWeek: z
    .array(
      z.object({
        weekStartDate: z.iso.date().describe('Monday of the ISO week (municipal time zone)'),
        boroughCode: z.string().nullable(),
        due: z.number().int(),
        handledWithinDeadline: z.number().int(),
      }),
    )
    .describe(
      'Reports created in the week whose outcome is known (resolved, or deadline passed): how many were resolved by their deadline',
    ),
  feedback: feedbackOverviewSchema.describe(
    "Residents' feedback and reopened reports in the period, per main category and per district",
  ),
});
export type Overview = z.infer<typeof overviewSchema>;
