import { z } from 'zod';
import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import type { Role } from '../people/index.ts';
import { createMeeting } from './create-meeting.ts';
import { deleteMeeting } from './delete-meeting.ts';
import { listMeetings } from './list-meetings.ts';
import { listPublicMeetings } from './list-public-meetings.ts';
import { updateMeeting } from './update-meeting.ts';
import {
  createMeetingBodySchema,
  listMeetingsQuerySchema,
  meetingListSchema,
  meetingParamsSchema,
  meetingSchema,
  publicDistrictParamsSchema,
  publicMeetingListSchema,
  updateMeetingBodySchema,
} from './schemas.ts';

/** Who may enter and edit meetings at all; which districts' meetings is the use case's business (meeting-rules.ts). */
export const meetingEditors: readonly Role[] = ['officer', 'coordinator', 'administrator'];
export const meetingReaders: readonly Role[] = ['officer', 'coordinator', 'team_manager', 'analyst'];

const tags = ['district meetings'];
const staffProblems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

export function registerMeetingRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/v1/district-meetings',
    {
      preHandler: requireRoles(...meetingEditors),
      schema: {
        tags,
        summary: 'Enter a district council (wijkraad) meeting (officer, coordinator)',
        body: createMeetingBodySchema,
        response: { 201: meetingSchema, ...staffProblems },
      },
    },
    async (request, reply) => reply.status(201).send(await createMeeting(deps, currentStaff(request), request.body)),
  );

  app.get(
    '/api/v1/district-meetings',
    {
      preHandler: requireRoles(...meetingReaders),
      schema: {
        tags,
        summary:
          'District council meetings of your municipality, soonest first (officer, coordinator, team manager, analyst)',
        querystring: listMeetingsQuerySchema,
        response: { 200: meetingListSchema, ...staffProblems },
      },
    },
    async (request) => listMeetings(deps, currentStaff(request), request.query),
  );

  app.patch(
    '/api/v1/district-meetings/:meetingId',
    {
      preHandler: requireRoles(...meetingEditors),
      schema: {
        tags,
        summary: 'Change a district council meeting (officer, coordinator)',
        params: meetingParamsSchema,
        body: updateMeetingBodySchema,
        response: { 200: meetingSchema, ...staffProblems, 404: problemSchema },
      },
    },
    async (request) => updateMeeting(deps, currentStaff(request), request.params.meetingId, request.body),
  );

  app.delete(
    '/api/v1/district-meetings/:meetingId',
    {
      preHandler: requireRoles(...meetingEditors),
      schema: {
        tags,
        summary: 'Remove a district council meeting (officer, coordinator)',
        params: meetingParamsSchema,
        response: { 204: z.null().describe('Removed'), ...staffProblems, 404: problemSchema },
      },
    },
    async (request, reply) => {
      await deleteMeeting(deps, currentStaff(request), request.params.meetingId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/public/districts/:districtCode/meetings',
    {
      schema: {
        tags,
        summary:
          "Upcoming district council meetings of a district (public; only the attending officer's name, no other personal data)",
        params: publicDistrictParamsSchema,
        response: { 200: publicMeetingListSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => listPublicMeetings(deps, request.params.districtCode),
  );
}
