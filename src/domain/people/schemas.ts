import { z } from 'zod';
import { roles } from '../../shared/staff.ts';
import { mappableRoles } from './oidc-roles.ts';

const timestamp = z.string().describe('ISO 8601 date-time with zone');
const idParam = z.string().min(1).max(64);

export const staffUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.enum(roles)),
  municipalityCode: z.string(),
});

export const loginBodySchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
  tokenType: z
    .enum(['cookie', 'bearer'])
    .default('cookie')
    .describe("'cookie' sets the wijkpost_session cookie; 'bearer' returns a token"),
});

export const loginResponseSchema = z.object({
  user: staffUserSchema,
  expiresAt: timestamp,
  token: z.string().optional().describe('only for tokenType bearer; send it as Authorization: Bearer <token>'),
});

export const officerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  active: z.boolean(),
  workingWeekdays: z.array(z.number().int()).describe('ISO weekdays: 1 = Monday … 7 = Sunday'),
  districtWeekdays: z.array(z.number().int()),
  workStart: z.string().describe('HH:MM'),
  workEnd: z.string().describe('HH:MM'),
  introduction: z.string().nullable(),
  photoUrl: z.string().nullable(),
  publicPhone: z.string().nullable(),
  districts: z.array(z.object({ code: z.string(), name: z.string(), duty: z.enum(['owner', 'backup']) })),
});

export const officerParamsSchema = z.object({ officerId: idParam });
export const districtParamsSchema = z.object({ districtCode: z.string().min(1).max(16) });
export const absenceParamsSchema = z.object({ absenceId: idParam });

// Loose on purpose: the domain checks every field and the relations between them, and reports all problems together.
export const scheduleBodySchema = z.object({
  workingWeekdays: z.array(z.number()).describe('1–7 distinct ISO weekdays (1 = Monday)'),
  districtWeekdays: z.array(z.number()).describe('a subset of workingWeekdays; usually two days'),
  workStart: z.string().describe('HH:MM'),
  workEnd: z.string().describe('HH:MM, after workStart'),
});

export const assignmentBodySchema = z.object({
  ownerId: z.guid(),
  backupId: z.guid().nullish(),
});

export const assignmentSchema = z.object({
  id: z.string(),
  districtCode: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  backup: z.object({ id: z.string(), name: z.string() }).nullable(),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  current: z.boolean(),
});

export const absenceBodySchema = z.object({
  kind: z.string().describe('sick | leave | training | other'),
  startsAt: timestamp,
  endsAt: timestamp.describe('after startsAt'),
  note: z.string().nullish().describe('internal; never shown publicly'),
});

export const absenceSchema = z.object({
  id: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  kind: z.enum(['sick', 'leave', 'training', 'other']),
  startsAt: timestamp,
  endsAt: timestamp,
  note: z.string().nullable(),
  createdAt: timestamp,
  cancelledAt: timestamp.nullable(),
});

export const absencesQuerySchema = z.object({
  from: z.string().optional().describe('ISO 8601 date-time; default now'),
  to: z.string().optional().describe('ISO 8601 date-time; default from + 14 days'),
});

export const teamContactSchema = z
  .object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })
  .describe("A partner organisation's contact person, for officers who forward to it");

export const teamSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['team', 'partner']),
  contact: teamContactSchema.nullable(),
});

export const coordinatorGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  coordinator: z.object({ id: z.string(), name: z.string() }).nullable(),
  boroughs: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** What anyone may see about a district's officer: no e-mail, no absences, no private phone. */
export const publicOfficerCardSchema = z.object({
  districtCode: z.string(),
  districtName: z.string(),
  name: z.string(),
  photoUrl: z.string().nullable(),
  introduction: z.string().nullable(),
  districtWeekdays: z.array(z.number().int()),
  publicPhone: z.string().nullable(),
});

export const roleMappingSchema = z.object({
  claimValue: z.string().min(1).max(256).describe('A value of the roles claim (OIDC_ROLES_CLAIM), exactly as sent'),
  role: z.enum(mappableRoles),
});

export const roleMappingsBodySchema = z.object({
  mappings: z
    .array(roleMappingSchema)
    .max(500)
    .describe('The whole mapping of your municipality; a claim value may give several roles'),
});

export const roleMappingsSchema = z.object({
  municipalityCode: z.string(),
  mappings: z.array(roleMappingSchema),
});
