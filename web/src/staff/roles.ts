import type { Role, StaffUser } from '../api/contract.ts';

export const hasRole = (user: StaffUser | null, ...roles: readonly Role[]) =>
  !!user && user.roles.some((role) => roles.includes(role));
