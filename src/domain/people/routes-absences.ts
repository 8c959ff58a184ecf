import { z } from 'zod';
import {
  type App,
  type AppDeps,
  currentStaff,
  requireRoles,
  staffProblems,
  inputProblems,
} from '../../http/route-kit.ts';
import { DomainError } from '../../shared/errors.ts';
import { absenceManagers, assertMayManageAbsencesOf } from './absence-rules.ts';
import { cancelAbsence } from './cancel-absence.ts';
import { createAbsence } from './create-absence.ts';
import { listTeamAbsences } from './list-absences.ts';
import { presentAbsence } from './present.ts';
import { listAbsencesOfOfficer } from './repository-absences.ts';
import { findOfficer } from './repository-officers.ts';
import {
  absenceBodySchema,
  absenceParamsSchema,
  absenceSchema,
  absencesQuerySchema,
  officerParamsSchema,
} from './schemas.ts';

const tags = ['absences'];

export function registerAbsenceRoutes(app: App, deps: AppDeps) {
  // Officers pass here; the use case lets them register and cancel only their own absences.
  const registrars = { preHandler: requireRoles('officer', 'coordinator', 'team_manager', 'administrator') };
  // Whether and why someone is away (sick, leave) is personal, health data even: only those who plan the team see it, and an officer their own.
  const managers = { preHandler: requireRoles(...absenceManagers) };

  app.post(
    '/api/v1/officers/:officerId/absences',
    {
      ...registrars,
      schema: {
        tags,
        summary: "Register an absence; the officer's open reports due during it or overdue go to a colleague",
        params: officerParamsSchema,
        body: absenceBodySchema,
        response: {
          201: z.object({
            absence: absenceSchema,
            reroutedReports: z.number().int().describe('How many open reports went to a colleague'),
            reroutedOverdueReports: z.number().int().describe('How many of those were overdue'),
          }),
          ...inputProblems,
        },
      },
    },
    async (request, reply) => {
      const result = await createAbsence(deps, currentStaff(request), request.params.officerId, request.body);
      return reply.status(201).send({
        absence: presentAbsence(result.absence),
        reroutedReports: result.reroutedReports,
        reroutedOverdueReports: result.reroutedOverdueReports,
      });
    },
  );

  app.get(
    '/api/v1/officers/:officerId/absences',
    {
      ...registrars,
      schema: {
        tags,
        summary: "An officer's absences, newest first (cancelled ones included); an officer sees only their own",
        params: officerParamsSchema,
        response: { 200: z.array(absenceSchema), ...staffProblems },
      },
    },
    async (request) => {
      const officer = await findOfficer(deps.db, currentStaff(request).municipalityCode, request.params.officerId);
      if (!officer) throw new DomainError('not_found', 'Officer not found.');
      assertMayManageAbsencesOf(currentStaff(request), officer.id);
      return (await listAbsencesOfOfficer(deps.db, officer.id)).map(presentAbsence);
    },
  );

  app.get(
    '/api/v1/absences',
    {
      ...managers,
      schema: {
        tags,
        summary:
          'Team view: absences overlapping a period (not cancelled); coordinators, team managers and administrators only',
        querystring: absencesQuerySchema,
        response: { 200: z.array(absenceSchema), ...inputProblems },
      },
    },
    async (request) => (await listTeamAbsences(deps, currentStaff(request), request.query)).map(presentAbsence),
  );

  app.delete(
    '/api/v1/absences/:absenceId',
    {
      ...registrars,
      schema: {
        tags,
        summary: 'Cancel an absence (kept, marked cancelled)',
        params: absenceParamsSchema,
        response: { 200: absenceSchema, ...staffProblems },
      },
    },
    async (request) => presentAbsence(await cancelAbsence(deps, currentStaff(request), request.params.absenceId)),
  );
}
