import { z } from 'zod';
import {
  type App,
  type AppDeps,
  currentStaff,
  requireRoles,
  requireStaff,
  problemSchema,
  inputProblems,
} from '../../http/route-kit.ts';
import { changeOwnPassword } from './change-own-password.ts';
import { changeUser } from './change-user.ts';
import { createStaffUser } from './create-staff-user.ts';
import { presentAdminUser } from './present.ts';
import { findAdminUser, listAdminUsers } from './repository-admin.ts';
import { resetUserPassword } from './reset-password.ts';
import {
  adminUserSchema,
  createdUserSchema,
  createUserBodySchema,
  deactivatedUserSchema,
  ownPasswordBodySchema,
  passwordResetSchema,
  passwordStatusSchema,
  updateUserBodySchema,
  userIdParamsSchema,
  usersQuerySchema,
} from './schemas-admin.ts';
import { deactivateStaffUser, reactivateStaffUser } from './set-user-active.ts';

const tags = ['users'];
const changeProblems = { ...inputProblems, 409: problemSchema.describe('the last administrator, or yourself') };

/** The administration of staff accounts: administrators, within their own municipality. */
export function registerUserRoutes(app: App, deps: AppDeps) {
  const administrators = { preHandler: requireRoles('administrator') };

  app.get(
    '/api/v1/users',
    {
      ...administrators,
      schema: {
        tags,
        summary: 'Staff accounts of your municipality, by name',
        querystring: usersQuerySchema,
        response: { 200: z.array(adminUserSchema), ...inputProblems },
      },
    },
    async (request) => {
      const { role, active, search } = request.query;
      const users = await listAdminUsers(deps.db, currentStaff(request).municipalityCode, {
        role,
        active: active === undefined ? undefined : active === 'true',
        search: search?.trim() || undefined,
      });
      return users.map(presentAdminUser);
    },
  );

  app.post(
    '/api/v1/users',
    {
      ...administrators,
      schema: {
        tags,
        summary: 'Create a staff account; the answer carries a one-time password to hand over',
        body: createUserBodySchema,
        response: { 201: createdUserSchema, ...inputProblems, 409: problemSchema.describe('the e-mail is in use') },
      },
    },
    async (request, reply) => {
      const { user, oneTimePassword } = await createStaffUser(deps, currentStaff(request), request.body);
      return reply.status(201).send({ user: presentAdminUser(user), oneTimePassword });
    },
  );

  app.patch(
    '/api/v1/users/:userId',
    {
      ...administrators,
      schema: {
        tags,
        summary: "Change a user's name, roles or team",
        params: userIdParamsSchema,
        body: updateUserBodySchema,
        response: { 200: adminUserSchema, ...changeProblems },
      },
    },
    async (request) =>
      presentAdminUser(await changeUser(deps, currentStaff(request), request.params.userId, request.body)),
  );

  app.post(
    '/api/v1/users/:userId/deactivate',
    {
      ...administrators,
      schema: {
        tags,
        summary: 'Deactivate a user: no sign-in, every session ends',
        params: userIdParamsSchema,
        response: { 200: deactivatedUserSchema, ...changeProblems },
      },
    },
    async (request) => {
      const result = await deactivateStaffUser(deps, currentStaff(request), request.params.userId);
      return { ...result, user: presentAdminUser(result.user) };
    },
  );

  app.post(
    '/api/v1/users/:userId/reactivate',
    {
      ...administrators,
      schema: {
        tags,
        summary: 'Reactivate a user',
        params: userIdParamsSchema,
        response: { 200: adminUserSchema, ...inputProblems },
      },
    },
    async (request) => presentAdminUser(await reactivateStaffUser(deps, currentStaff(request), request.params.userId)),
  );

  app.post(
    '/api/v1/users/:userId/password-reset',
    {
      ...administrators,
      schema: {
        tags,
        summary: 'Reset a password: a one-time password to hand over; the user is signed out everywhere',
        params: userIdParamsSchema,
        response: { 200: passwordResetSchema, ...inputProblems },
      },
    },
    async (request) => resetUserPassword(deps, currentStaff(request), request.params.userId),
  );

  app.put(
    '/api/v1/me/password',
    {
      onRequest: requireStaff(),
      schema: {
        tags,
        summary: 'Change your own password (the current one, a one-time one included, proves it is you)',
        body: ownPasswordBodySchema,
        response: { 204: z.null(), 400: problemSchema },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(deps, currentStaff(request), request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/password-status',
    {
      onRequest: requireStaff(),
      schema: {
        tags,
        summary: 'Whether you must choose your own password (after an administrator set or reset it)',
        response: { 200: passwordStatusSchema },
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      const user = await findAdminUser(deps.db, staff.municipalityCode, staff.id);
      return { mustChangePassword: user?.mustChangePassword ?? false };
    },
  );
}
