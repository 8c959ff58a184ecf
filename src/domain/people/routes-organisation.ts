import { z } from 'zod';
import {
  type App,
  type AppDeps,
  currentStaff,
  requireRoles,
  problemSchema,
  inputProblems,
  staffProblems,
} from '../../http/route-kit.ts';
import { presentOfficer } from './present.ts';
import { listBoroughsOf, listDistrictDuties } from './repository-organisation.ts';
import { createCoordinatorGroup, updateCoordinatorGroup } from './save-coordinator-group.ts';
import { createTeam, updateTeam } from './save-team.ts';
import { districtDayPlanners, setDistrictDays } from './set-district-days.ts';
import { coordinatorGroupSchema, officerParamsSchema, officerSchema, teamSchema } from './schemas.ts';
import {
  boroughSchema,
  createGroupBodySchema,
  createTeamBodySchema,
  districtDaysBodySchema,
  districtDutySchema,
  groupIdParamsSchema,
  officerProfileBodySchema,
  teamIdParamsSchema,
  updateGroupBodySchema,
  updateTeamBodySchema,
} from './schemas-admin.ts';
import { updateOfficerProfile } from './update-officer-profile.ts';

const taken = { 409: problemSchema.describe('the code or name is taken') };

/** Teams, partner organisations, coordinator groups, district duties and officers' public profiles. */
export function registerOrganisationRoutes(app: App, deps: AppDeps) {
  const administrators = { preHandler: requireRoles('administrator') };
  const planners = { preHandler: requireRoles(...districtDayPlanners) };

  app.post(
    '/api/v1/teams',
    {
      ...administrators,
      schema: {
        tags: ['organisation'],
        summary: 'Create a team or a partner organisation',
        body: createTeamBodySchema,
        response: { 201: teamSchema, ...inputProblems, ...taken },
      },
    },
    async (request, reply) => reply.status(201).send(await createTeam(deps, currentStaff(request), request.body)),
  );

  app.patch(
    '/api/v1/teams/:teamId',
    {
      ...administrators,
      schema: {
        tags: ['organisation'],
        summary: 'Rename a team or partner organisation (the code stays)',
        params: teamIdParamsSchema,
        body: updateTeamBodySchema,
        response: { 200: teamSchema, ...inputProblems },
      },
    },
    async (request) => updateTeam(deps, currentStaff(request), request.params.teamId, request.body),
  );

  app.post(
    '/api/v1/coordinator-groups',
    {
      ...administrators,
      schema: {
        tags: ['organisation'],
        summary: 'Create a coordinator group with its boroughs and coordinator',
        body: createGroupBodySchema,
        response: { 201: coordinatorGroupSchema, ...inputProblems },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createCoordinatorGroup(deps, currentStaff(request), request.body)),
  );

  app.patch(
    '/api/v1/coordinator-groups/:groupId',
    {
      ...administrators,
      schema: {
        tags: ['organisation'],
        summary: 'Rename a coordinator group, change its coordinator or its boroughs',
        params: groupIdParamsSchema,
        body: updateGroupBodySchema,
        response: { 200: coordinatorGroupSchema, ...inputProblems },
      },
    },
    async (request) => updateCoordinatorGroup(deps, currentStaff(request), request.params.groupId, request.body),
  );

  app.get(
    '/api/v1/boroughs',
    {
      ...planners,
      schema: {
        tags: ['organisation'],
        summary: 'Boroughs of your municipality',
        response: { 200: z.array(boroughSchema), ...staffProblems },
      },
    },
    async (request) => listBoroughsOf(deps.db, currentStaff(request).municipalityCode),
  );

  app.get(
    '/api/v1/district-assignments',
    {
      ...planners,
      schema: {
        tags: ['districts'],
        summary: 'Every district of your municipality with its current owner and backup',
        response: { 200: z.array(districtDutySchema), ...staffProblems },
      },
    },
    async (request) => listDistrictDuties(deps.db, currentStaff(request).municipalityCode),
  );

  app.put(
    '/api/v1/officers/:officerId/profile',
    {
      ...administrators,
      schema: {
        tags: ['officers'],
        summary: "Set an officer's public introduction and phone number",
        params: officerParamsSchema,
        body: officerProfileBodySchema,
        response: { 200: officerSchema, ...inputProblems },
      },
    },
    async (request) =>
      presentOfficer(await updateOfficerProfile(deps, currentStaff(request), request.params.officerId, request.body)),
  );

  app.put(
    '/api/v1/officers/:officerId/district-days',
    {
      preHandler: requireRoles('officer', ...districtDayPlanners),
      schema: {
        tags: ['officers'],
        summary: 'Set district days (within the working days); an officer sets only their own',
        params: officerParamsSchema,
        body: districtDaysBodySchema,
        response: { 200: officerSchema, ...inputProblems },
      },
    },
    async (request) =>
      presentOfficer(await setDistrictDays(deps, currentStaff(request), request.params.officerId, request.body)),
  );
}
