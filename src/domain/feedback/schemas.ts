import { z } from 'zod';
import { reportStatuses, reporterTextSchema } from '../reports/index.ts';

const timestamp = z.string().describe('ISO 8601 timestamp with zone');
const withoutNul = (text: string) => !text.includes('\u0000');

export const reporterLinkParamsSchema = z.object({
  token: z.string().min(1).max(200).meta({
    description: 'The signed token from the link in the e-mail (72 characters, base64url)',
    example: 'Z6C7PkdNwgazL7IdBcM6jsrB9IMVc1bg_BIc5IVpeibPOt_sGUKi9k2RHm8ls8LR9R40Fb3c',
  }),
});

const reportForReporterSchema = {
  trackingCode: z.string().describe("The report's tracking code, for the status page"),
  category: z.object({ name: z.string() }),
  status: z.enum(reportStatuses),
};

export const feedbackFormSchema = z.object({
  ...reportForReporterSchema,
  reporterText: reporterTextSchema.nullable().describe('The explanation written for the reporter on resolving'),
  resolvedAt: timestamp.nullable(),
  reopenUntil: timestamp
    .nullable()
    .describe('Until this moment "not solved" reopens the report; later feedback is kept but does not reopen it'),
  reopenPossible: z.boolean().describe('"Not solved" given now reopens the report'),
  feedbackGiven: z.boolean().describe('Feedback was already given through this link'),
  acceptsFeedback: z.boolean().describe('The report is resolved and this link has no feedback yet'),
});
export type FeedbackForm = z.infer<typeof feedbackFormSchema>;

export const feedbackBodySchema = z.object({
  solved: z.boolean().describe('Whether the problem is solved'),
  satisfaction: z.number().int().min(1).max(5).describe('How satisfied with the handling: 1 (very dissatisfied) to 5'),
  text: z
    .string()
    .trim()
    .max(1000)
    .refine(withoutNul, 'may not contain the NUL character')
    .optional()
    .describe("In the resident's own words; becomes part of the report's history"),
});
export type FeedbackBody = z.infer<typeof feedbackBodySchema>;

export const feedbackReceiptSchema = z.object({
  status: z.enum(reportStatuses).describe("The report's status after the feedback"),
  reopened: z.boolean().describe('"Not solved" within the period reopened the report'),
  tooLateToReopen: z.boolean().describe('"Not solved" came after the period: kept, but the report stays resolved'),
});
export type FeedbackReceipt = z.infer<typeof feedbackReceiptSchema>;

export const answerFormSchema = z.object({
  ...reportForReporterSchema,
  question: reporterTextSchema.nullable().describe('What the handler asked the reporter'),
  acceptsAnswer: z.boolean().describe('The report is waiting for the reporter'),
});
export type AnswerForm = z.infer<typeof answerFormSchema>;

export const answerBodySchema = z.object({
  text: z.string().trim().min(1).max(2000).refine(withoutNul, 'may not contain the NUL character'),
});
export type AnswerBody = z.infer<typeof answerBodySchema>;

export const answerReceiptSchema = z.object({
  status: z.enum(reportStatuses).describe("The report's status after the answer: back with its holder"),
});
export type AnswerReceipt = z.infer<typeof answerReceiptSchema>;
