import type { Role } from '../../shared/staff.ts';

/** Who reads field work; officers log it. Photos of observations follow the same rule. */
export const fieldworkReaders: readonly Role[] = ['officer', 'coordinator', 'team_manager', 'analyst'];
export const visibilityReaders: readonly Role[] = ['coordinator', 'team_manager', 'analyst'];
