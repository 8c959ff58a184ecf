/**
 * The one route table of the web app: path pattern, page, who may open it and its menu entry. The router
 * (app.tsx) and both menus (the resident header, the staff navigation) are built from it; a path no entry
 * matches shows the not-found page. Pages are named, not imported: resident pages live in the main bundle
 * (pages/resident-pages.tsx), staff pages in the lazily loaded staff chunk (staff/staff-app.tsx), and this
 * table stays plain data that node tests can read.
 */
import type { ComponentType } from 'react';
import type { Role, StaffUser } from './api/contract.ts';
import type { MessageKey } from './i18n/nl.ts';
import type { residentPages } from './pages/resident-pages.tsx';
import type { PathParams } from './route-match.ts';
import type { staffPages } from './staff/staff-app.tsx';
import type { StaffMessageKey } from './staff/staff-nl.ts';

type ResidentPages = typeof residentPages;
type StaffPages = typeof staffPages;

/** Who may open a staff page: any of these roles, any signed-in staff member, or (the sign-in page) anyone. */
export type StaffAccess = readonly Role[] | 'any-staff' | 'sign-in';

interface RouteBase {
  path: string;
  /** Extra checks on `:name` segments; a value that fails them is not this route (so: not found). */
  constraints?: Readonly<Record<string, RegExp>>;
}

export interface ResidentRoute extends RouteBase {
  area: 'resident';
  page: keyof ResidentPages;
  /** In the resident header menu, with this label (a key of both resident dictionaries). */
  menu?: MessageKey;
  /** The menu entry shown as current on this page, when it is not the page's own. */
  menuParent?: string;
}

export interface StaffRoute extends RouteBase {
  area: 'staff';
  page: keyof StaffPages;
  access: StaffAccess;
  /** In the staff menu, with this label (a key of both staff dictionaries). */
  menu?: StaffMessageKey;
}

export type AppRoute = ResidentRoute | StaffRoute;

/** The pages that need no param the path does not give (so `/mijn-wijk/:code` fits MyDistrictView). */
type PagesFor<Pages, Path extends string> = {
  [Name in keyof Pages]: Pages[Name] extends ComponentType<PathParams<Path>> ? Name : never;
}[keyof Pages];
type Extras<Route> = Omit<Route, 'path' | 'area' | 'page'>;

const resident = <Path extends string>(
  path: Path,
  page: PagesFor<ResidentPages, Path>,
  extras: Extras<ResidentRoute> = {},
): ResidentRoute => ({ path, area: 'resident', page, ...extras });

const staff = <Path extends string>(
  path: Path,
  page: PagesFor<StaffPages, Path>,
  extras: Extras<StaffRoute>,
): StaffRoute => ({ path, area: 'staff', page, ...extras });

const uuid = /^[0-9a-f-]{36}$/;
const officeRoles = ['coordinator', 'team_manager', 'administrator'] as const;

export const routes: readonly AppRoute[] = [
  resident('/', 'home'),
  resident('/melden', 'reportForm', { menu: 'nav.report' }),
  resident('/melden/bedankt/:trackingCode', 'confirmation'),
  resident('/melding/:trackingCode', 'reportStatus'),
  resident('/mijn-wijk', 'myDistrictFinder', { menu: 'nav.myDistrict' }),
  resident('/mijn-wijk/:code', 'myDistrictView', { menuParent: '/mijn-wijk' }),

  staff('/inloggen', 'signIn', { access: 'sign-in' }),
  staff('/werk', 'worklist', { access: ['officer'], menu: 'nav.worklist' }),
  staff('/werk/vastleggen', 'fieldLog', { access: ['officer'], menu: 'nav.fieldLog' }),
  staff('/werk/straatmelding', 'streetIntake', { access: ['officer'], menu: 'nav.streetReport' }),
  staff('/werk/melding/:reportId', 'reportDetail', { access: 'any-staff', constraints: { reportId: uuid } }),
  staff('/kcc', 'phoneIntake', { access: ['contact_centre', 'administrator'], menu: 'nav.phoneIntake' }),
  staff('/team', 'teamBoard', { access: officeRoles, menu: 'nav.teamBoard' }),
  staff('/analyse', 'analysis', { access: ['analyst', ...officeRoles], menu: 'nav.analysis' }),
  staff('/overzicht', 'overview', { access: [...officeRoles, 'analyst'], menu: 'nav.overview' }),
  // Configuration (staff/admin/config/sections.ts lists these for the administration's navigation).
  staff('/beheer/categorieen', 'adminCategories', { access: ['administrator'], menu: 'config.nav.categories' }),
  staff('/beheer/instellingen', 'adminSettings', { access: ['administrator'], menu: 'config.nav.settings' }),
  staff('/beheer/routering', 'adminRouting', { access: ['administrator'], menu: 'config.nav.routing' }),
  staff('/beheer/audit', 'adminAudit', { access: ['administrator'], menu: 'config.nav.audit' }),
];

export const residentMenu = routes.filter(
  (route): route is ResidentRoute & { menu: MessageKey } => route.area === 'resident' && !!route.menu,
);

/** Whether a signed-in user may open a staff page (the server checks again on every call). */
export function canOpen(route: StaffRoute, user: StaffUser): boolean {
  const { access } = route;
  if (access === 'any-staff' || access === 'sign-in') return true;
  return user.roles.some((role) => access.includes(role));
}

/** The staff menu: each role sees the screens made for it. */
export function staffMenu(user: StaffUser): (StaffRoute & { menu: StaffMessageKey })[] {
  return routes.filter(
    (route): route is StaffRoute & { menu: StaffMessageKey } =>
      route.area === 'staff' && !!route.menu && canOpen(route, user),
  );
}

/** Where a user lands after signing in: the first screen of their menu. */
export function homeFor(user: StaffUser): string {
  return staffMenu(user)[0]?.path ?? '/werk';
}
