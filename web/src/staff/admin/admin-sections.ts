/**
 * The sections of the administration, in the order the administration home lists them: ONE list, so a new
 * section (its page in staffPages, its two labels in the dictionaries) is one line here. The route table
 * (routes.ts) makes a route of each, for administrators only.
 */
import type { staffPages } from '../staff-app.tsx';
import type { StaffMessageKey } from '../staff-nl.ts';

export interface AdminSection {
  path: `/beheer/${string}`;
  page: keyof typeof staffPages;
  title: StaffMessageKey;
  description: StaffMessageKey;
}

export const adminSections: readonly AdminSection[] = [
  { path: '/beheer/mensen', page: 'adminUsers', title: 'admin.users.title', description: 'admin.users.intro' },
  {
    path: '/beheer/handhavers',
    page: 'adminOfficers',
    title: 'admin.officers.title',
    description: 'admin.officers.intro',
  },
  {
    path: '/beheer/wijken',
    page: 'adminDistricts',
    title: 'admin.districts.title',
    description: 'admin.districts.intro',
  },
  {
    path: '/beheer/organisatie',
    page: 'adminOrganisation',
    title: 'admin.organisation.title',
    description: 'admin.organisation.intro',
  },
  {
    path: '/beheer/categorieen',
    page: 'adminCategories',
    title: 'config.nav.categories',
    description: 'categories.intro',
  },
  { path: '/beheer/instellingen', page: 'adminSettings', title: 'config.nav.settings', description: 'settings.intro' },
  { path: '/beheer/routering', page: 'adminRouting', title: 'config.nav.routing', description: 'routing.intro' },
  { path: '/beheer/audit', page: 'adminAudit', title: 'config.nav.audit', description: 'audit.intro' },
  { path: '/beheer/berichten', page: 'adminMessages', title: 'messages.title', description: 'messages.intro' },
  { path: '/beheer/inloggen', page: 'adminSso', title: 'sso.title', description: 'sso.intro' },
];
