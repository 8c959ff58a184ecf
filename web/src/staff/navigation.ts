import type { Role, StaffUser } from '../api/contract.ts';
import { hasRole } from './roles.ts';
import type { StaffMessageKey } from './staff-nl.ts';

export interface StaffRoute {
  path: string;
  label: StaffMessageKey;
  roles: Role[];
}

/** The staff navigation: each role sees the screens made for it. */
export const navigation: StaffRoute[] = [
  { path: '/werk', label: 'nav.worklist', roles: ['officer'] },
  { path: '/werk/vastleggen', label: 'nav.fieldLog', roles: ['officer'] },
  { path: '/werk/straatmelding', label: 'nav.streetReport', roles: ['officer'] },
  { path: '/kcc', label: 'nav.phoneIntake', roles: ['contact_centre', 'administrator'] },
  { path: '/team', label: 'nav.teamBoard', roles: ['coordinator', 'team_manager', 'administrator'] },
  { path: '/overzicht', label: 'nav.overview', roles: ['coordinator', 'team_manager', 'analyst', 'administrator'] },
];

export function homeFor(user: StaffUser): string {
  return navigation.find((route) => hasRole(user, ...route.roles))?.path ?? '/werk';
}
