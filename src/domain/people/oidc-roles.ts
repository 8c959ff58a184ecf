import type { Role } from '../../shared/staff.ts';

/** A partner user belongs to a partner organisation, which no claim names: partners are created by hand. */
export const mappableRoles = [
  'officer',
  'coordinator',
  'team_manager',
  'analyst',
  'contact_centre',
  'administrator',
] as const satisfies readonly Role[];

export type MappableRole = (typeof mappableRoles)[number];
