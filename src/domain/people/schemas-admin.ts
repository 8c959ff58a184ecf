import { z } from 'zod';
import { roles } from '../../shared/staff.ts';

const timestamp = z.string().describe('ISO 8601 date-time with zone');

export const userIdParamsSchema = z.object({ userId: z.guid() });
export const teamIdParamsSchema = z.object({ teamId: z.guid() });
export const groupIdParamsSchema = z.object({ groupId: z.guid() });

export const adminUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(roles)),
  team: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(['team', 'partner']) }).nullable(),
  active: z.boolean(),
  mustChangePassword: z.boolean().describe('the password was set by an administrator and is changed at next sign-in'),
  createdAt: timestamp,
});

export const usersQuerySchema = z.object({
  role: z.enum(roles).optional(),
  active: z.enum(['true', 'false']).optional().describe('only active (true) or deactivated (false) users'),
  search: z.string().max(200).optional().describe('part of the name or e-mail address'),
});

// Loose on purpose: the use case checks every field and reports all problems together.
export const createUserBodySchema = z.object({
  name: z.string().max(1000),
  email: z.string().max(1000),
  roles: z
    .array(z.string().max(50))
    .max(10)
    .describe('officer, coordinator, team_manager, analyst, contact_centre, partner, administrator'),
  teamCode: z.string().max(100).nullish().describe('required for partner users: a team of kind partner'),
});

export const createdUserSchema = z.object({
  user: adminUserSchema,
  oneTimePassword: z.string().describe('shown once: hand it over; it must be changed at the first sign-in'),
});

export const updateUserBodySchema = z.object({
  name: z.string().max(1000).optional(),
  roles: z.array(z.string().max(50)).max(10).optional(),
  teamCode: z.string().max(100).nullish().describe('null takes the user out of their team'),
});

export const deactivatedUserSchema = z.object({
  user: adminUserSchema,
  revokedSessions: z.number().int(),
  ownedDistrictCodes: z.array(z.string()).describe('districts the user still owns: give them a new owner'),
});

export const passwordResetSchema = z.object({
  oneTimePassword: z.string().describe('shown once; the user must change it at the next sign-in'),
  revokedSessions: z.number().int(),
});

export const ownPasswordBodySchema = z.object({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});

export const officerProfileBodySchema = z.object({
  introduction: z.string().max(5000).nullish().describe('Dutch text for the public district page'),
  publicPhone: z.string().max(100).nullish().describe('the number residents may call'),
});

export const districtDaysBodySchema = z.object({
  districtWeekdays: z.array(z.number()).max(7).describe('ISO weekdays (1 = Monday); a subset of the working days'),
});

const teamContactBodySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().max(40).nullish(),
    email: z.email().max(254).nullish(),
  })
  .nullish()
  .describe("A partner organisation's contact person, shown to officers; null removes it");

export const createTeamBodySchema = z.object({
  code: z.string().max(100).describe('lower-case letters, digits and hyphens; fixed once created'),
  name: z.string().max(1000),
  kind: z.string().max(20).describe('team | partner (a partner organisation)'),
  contact: teamContactBodySchema,
});

export const updateTeamBodySchema = z.object({
  name: z.string().max(1000),
  contact: teamContactBodySchema.describe('Left out: unchanged; null: removed'),
});

export const createGroupBodySchema = z.object({
  name: z.string().max(1000),
  coordinatorId: z.guid().nullish(),
  boroughCodes: z.array(z.string().max(100)).max(100).default([]),
});

export const updateGroupBodySchema = z.object({
  name: z.string().max(1000).optional(),
  coordinatorId: z.guid().nullish(),
  boroughCodes: z.array(z.string().max(100)).max(100).optional(),
});

const personSchema = z.object({ id: z.string(), name: z.string(), active: z.boolean() });

export const districtDutySchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  borough: z.object({ code: z.string(), name: z.string() }).nullable(),
  owner: personSchema.nullable(),
  backup: personSchema.nullable(),
});

export const boroughSchema = z.object({ code: z.string(), name: z.string() });

export const passwordStatusSchema = z.object({
  mustChangePassword: z.boolean().describe('the password was set by an administrator: choose your own now'),
});
