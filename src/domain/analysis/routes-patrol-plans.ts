import { problemSchema } from '../../http/route-kit.ts';
import { z } from 'zod';
import { currentStaff, requireRoles } from '../../http/route-kit.ts';
import type { App, AppDeps } from '../../http/route-kit.ts';
import { calendarTokenSchema } from './schemas.ts';
import { officerOfCalendarToken, rotateCalendarToken } from './calendar-token.ts';
import { generatePatrolPlans } from './generate-patrol-plans.ts';
import { patrolCalendar } from './ics.ts';
import { evaluatePatrolPlan } from './patrol-plan-evaluation.ts';
import { findPlans } from './repository-patrol-plans.ts';
import { listPatrolPlans, myPatrolPlans, teamPlanReaders, toPatrolPlan } from './read-patrol-plans.ts';
import { problems } from './routes-common.ts';
import {
  myPatrolPlansSchema,
  patrolPlanEvaluationSchema,
  patrolPlanGenerationSchema,
  patrolPlanListQuerySchema,
  patrolPlanListSchema,
  patrolPlanRequestSchema,
} from './schemas.ts';

const tags = ['patrol plans'];
const CALENDAR_WEEKS_BACK = 4;

export function registerPatrolPlanRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/v1/analysis/patrol-plans',
    {
      onRequest: requireRoles('analyst', 'coordinator', 'administrator'),
      schema: {
        tags,
        summary:
          "Generate each officer's patrol plan for a week (2–4 visits of 15 minutes per district day at the top forecast cells); replaces the week's unstarted plans",
        body: patrolPlanRequestSchema,
        response: { 200: patrolPlanGenerationSchema, ...problems },
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      return generatePatrolPlans(deps, { municipalityCode: staff.municipalityCode, userId: staff.id }, request.body);
    },
  );

  app.get(
    '/api/v1/patrol-plans',
    {
      onRequest: requireRoles(...teamPlanReaders, 'officer'),
      schema: {
        tags,
        summary: "The week's patrol plans: the team's for coordinators, team managers and analysts; an officer's own",
        querystring: patrolPlanListQuerySchema,
        response: { 200: patrolPlanListSchema, ...problems },
      },
    },
    async (request) => listPatrolPlans(deps, currentStaff(request), request.query),
  );

  app.get(
    '/api/v1/patrol-plans/mine',
    {
      onRequest: requireRoles('officer'),
      schema: {
        tags,
        summary: "The signed-in officer's patrol plans from this week on (for the worklist)",
        response: { 200: myPatrolPlansSchema, ...problems },
      },
    },
    async (request) => myPatrolPlans(deps, currentStaff(request)),
  );

  app.post(
    '/api/v1/patrol-plans/calendar-token',
    {
      onRequest: requireRoles('officer'),
      schema: {
        tags,
        summary:
          "Create or rotate the officer's calendar token; the answer holds the .ics subscription address (the old token stops working)",
        response: { 201: calendarTokenSchema, ...problems },
      },
    },
    async (request, reply) => reply.status(201).send(await rotateCalendarToken(deps, currentStaff(request))),
  );

  app.get(
    '/api/v1/patrol-plans/:officerId/calendar',
    {
      schema: {
        tags,
        summary:
          "The officer's patrol visits as iCalendar (RFC 5545), for calendar apps; authorised by the officer's calendar token",
        params: z.object({ officerId: z.uuid() }),
        querystring: z.object({ token: z.string().min(1).max(200).optional() }),
        response: { 200: z.string().describe('text/calendar'), 404: problemSchema, 400: problemSchema },
      },
    },
    async (request, reply) => {
      const officer = await officerOfCalendarToken(deps.db, request.params.officerId, request.query.token);
      const now = deps.clock.now();
      const rows = await findPlans(deps.db, officer.municipalityCode, { officerId: request.params.officerId });
      const since = new Date(now.getTime() - CALENDAR_WEEKS_BACK * 7 * 86_400_000).toISOString().slice(0, 10);
      const plans = rows.filter((row) => row.week_start >= since).map(toPatrolPlan);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="surveillance.ics"')
        .send(patrolCalendar(officer.name, plans, now));
    },
  );

  app.get(
    '/api/v1/patrol-plans/:planId/evaluation',
    {
      onRequest: requireRoles(...teamPlanReaders, 'officer'),
      schema: {
        tags,
        summary:
          'The plan against what happened: per visit, presence rounds overlapping it and observations in its cell that day',
        params: z.object({ planId: z.uuid() }),
        response: { 200: patrolPlanEvaluationSchema, ...problems, 404: problemSchema },
      },
    },
    async (request) => evaluatePatrolPlan(deps, currentStaff(request), request.params.planId),
  );
}
