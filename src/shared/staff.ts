/** The staff vocabulary every area and the HTTP kit share: roles and the signed-in staff member. Owned by people. */
export const roles = [
  'officer',
  'coordinator',
  'team_manager',
  'analyst',
  'contact_centre',
  'partner',
  'administrator',
] as const;

export type Role = (typeof roles)[number];

/** An authenticated staff member; always within one municipality. */
export interface StaffUser {
  id: string;
  municipalityCode: string;
  name: string;
  email: string;
  roles: Role[];
  teamId: string | null;
}

export function hasAnyRole(user: StaffUser, allowed: readonly Role[]): boolean {
  return user.roles.some((role) => allowed.includes(role));
}
