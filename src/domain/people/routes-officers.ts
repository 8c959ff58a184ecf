import { z } from 'zod';
import {
  type App,
  type AppDeps,
  currentStaff,
  requireRoles,
  problemSchema,
  staffProblems,
  inputProblems,
} from '../../http/route-kit.ts';
import { DomainError } from '../../shared/errors.ts';
import { assignDistrict } from './assign-district.ts';
import { presentAssignment, presentOfficer } from './present.ts';
import { listCoordinatorGroups, listTeams } from './repository.ts';
import { assignmentHistory, findDistrict } from './repository-assignments.ts';
import { findOfficer, listOfficers, publicOfficerCard } from './repository-officers.ts';
import { roles, type Role } from '../../shared/staff.ts';
import {
  assignmentBodySchema,
  assignmentSchema,
  coordinatorGroupSchema,
  districtParamsSchema,
  officerParamsSchema,
  officerSchema,
  publicOfficerCardSchema,
  scheduleBodySchema,
  teamSchema,
} from './schemas.ts';
import { updateSchedule } from './update-schedule.ts';

/** Everyone who works for the municipality; partners see only their own work. */
export const staffRoles: Role[] = roles.filter((role) => role !== 'partner');
/** Who plans people: schedules and district ownership. */
export const plannerRoles: Role[] = ['coordinator', 'team_manager', 'administrator'];

export function registerOfficerRoutes(app: App, deps: AppDeps) {
  const staff = { preHandler: requireRoles(...staffRoles) };
  const planners = { preHandler: requireRoles(...plannerRoles) };

  app.get(
    '/api/v1/officers',
    {
      ...staff,
      schema: {
        tags: ['officers'],
        summary: 'Active officers of your municipality',
        response: { 200: z.array(officerSchema), ...staffProblems },
      },
    },
    async (request) => (await listOfficers(deps.db, currentStaff(request).municipalityCode)).map(presentOfficer),
  );

  app.get(
    '/api/v1/officers/:officerId',
    {
      ...staff,
      schema: {
        tags: ['officers'],
        summary: 'One officer',
        params: officerParamsSchema,
        response: { 200: officerSchema, ...staffProblems },
      },
    },
    async (request) => {
      const officer = await findOfficer(deps.db, currentStaff(request).municipalityCode, request.params.officerId);
      if (!officer) throw new DomainError('not_found', 'Officer not found.');
      return presentOfficer(officer);
    },
  );

  app.put(
    '/api/v1/officers/:officerId/schedule',
    {
      ...planners,
      schema: {
        tags: ['officers'],
        summary: 'Set working days, district days and working hours',
        params: officerParamsSchema,
        body: scheduleBodySchema,
        response: { 200: officerSchema, ...inputProblems },
      },
    },
    async (request) =>
      presentOfficer(await updateSchedule(deps, currentStaff(request), request.params.officerId, request.body)),
  );

  app.put(
    '/api/v1/districts/:districtCode/assignment',
    {
      ...planners,
      schema: {
        tags: ['districts'],
        summary: 'Give a district a new owner (and backup); the previous assignment is closed',
        params: districtParamsSchema,
        body: assignmentBodySchema,
        response: { 200: assignmentSchema, ...inputProblems },
      },
    },
    async (request) =>
      presentAssignment(await assignDistrict(deps, currentStaff(request), request.params.districtCode, request.body)),
  );

  app.get(
    '/api/v1/districts/:districtCode/assignments',
    {
      ...staff,
      schema: {
        tags: ['districts'],
        summary: 'Ownership history of a district, newest first',
        params: districtParamsSchema,
        response: { 200: z.array(assignmentSchema), ...staffProblems },
      },
    },
    async (request) => {
      const district = await findDistrict(deps.db, request.params.districtCode);
      if (!district || district.municipalityCode !== currentStaff(request).municipalityCode)
        throw new DomainError('not_found', 'District not found.');
      return (await assignmentHistory(deps.db, district.code)).map(presentAssignment);
    },
  );

  app.get(
    '/api/v1/teams',
    {
      ...staff,
      schema: {
        tags: ['organisation'],
        summary: 'Teams and partner organisations',
        response: { 200: z.array(teamSchema), ...staffProblems },
      },
    },
    async (request) => listTeams(deps.db, currentStaff(request).municipalityCode),
  );

  app.get(
    '/api/v1/coordinator-groups',
    {
      ...staff,
      schema: {
        tags: ['organisation'],
        summary: 'Coordinator groups and their boroughs',
        response: { 200: z.array(coordinatorGroupSchema), ...staffProblems },
      },
    },
    async (request) => listCoordinatorGroups(deps.db, currentStaff(request).municipalityCode),
  );

  app.get(
    '/api/v1/public/districts/:districtCode/officer',
    {
      schema: {
        tags: ['public'],
        summary: "The district officer's public card (no login)",
        params: districtParamsSchema,
        response: { 200: publicOfficerCardSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const card = await publicOfficerCard(deps.db, request.params.districtCode);
      if (!card) throw new DomainError('not_found', 'This district has no officer yet.');
      return card;
    },
  );
}
