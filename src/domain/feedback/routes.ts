import { type App, type AppDeps, problemSchema } from '../../http/route-kit.ts';
import { getAnswerForm, submitAnswer } from './answer.ts';
import { getFeedbackForm, submitFeedback, type LinkDeps } from './feedback.ts';
import {
  answerBodySchema,
  answerFormSchema,
  answerReceiptSchema,
  feedbackBodySchema,
  feedbackFormSchema,
  feedbackReceiptSchema,
  reporterLinkParamsSchema,
} from './schemas.ts';

const tags = ['public'];
const badLink = problemSchema.describe('The link is not valid: forged, altered, or made for the other page');
const expired = problemSchema.describe('The link has expired');

/** The pages behind the links in e-mails to reporters: public, no login, the signed token is the key. */
export function registerFeedbackRoutes(app: App, deps: AppDeps): void {
  const linkDeps: LinkDeps = { db: deps.db, clock: deps.clock, linkSecret: deps.config.LINK_SIGNING_SECRET };
  const read = { rateLimit: { max: deps.config.PUBLIC_REPORTS_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  const write = { rateLimit: { max: deps.config.FOLLOW_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  const readAnswers = { 404: badLink, 410: expired, 429: problemSchema };

  app.get(
    '/api/v1/public/feedback/:token',
    {
      config: read,
      schema: {
        tags,
        summary:
          'What the feedback page needs after a resolution: tracking code, category, status, the text for the reporter',
        params: reporterLinkParamsSchema,
        response: { 200: feedbackFormSchema, ...readAnswers },
      },
    },
    async (request) => getFeedbackForm(linkDeps, request.params.token),
  );

  app.post(
    '/api/v1/public/feedback/:token',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Feedback on a resolution, once per link; "not solved" within the municipality\'s period (default 14 days) reopens the report',
        params: reporterLinkParamsSchema,
        body: feedbackBodySchema,
        response: {
          201: feedbackReceiptSchema,
          ...readAnswers,
          409: problemSchema.describe('Feedback was already given through this link, or the report is not resolved'),
        },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await submitFeedback(linkDeps, request.params.token, request.body)),
  );

  app.get(
    '/api/v1/public/answers/:token',
    {
      config: read,
      schema: {
        tags,
        summary: 'What the answer page needs: tracking code, category, status and the question asked of the reporter',
        params: reporterLinkParamsSchema,
        response: { 200: answerFormSchema, ...readAnswers },
      },
    },
    async (request) => getAnswerForm(linkDeps, request.params.token),
  );

  app.post(
    '/api/v1/public/answers/:token',
    {
      config: write,
      schema: {
        tags,
        summary: 'The reporter\'s answer to a question: into the history by "melder", the report back to its holder',
        params: reporterLinkParamsSchema,
        body: answerBodySchema,
        response: {
          201: answerReceiptSchema,
          ...readAnswers,
          409: problemSchema.describe('The report is not waiting for an answer (any more)'),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await submitAnswer(linkDeps, request.params.token, request.body)),
  );
}
