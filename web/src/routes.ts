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
import { adminSections } from './staff/admin/admin-sections.ts';
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
const reporterToken = /^[A-Za-z0-9_-]{20,200}$/;
const officeRoles = ['coordinator', 'team_manager', 'administrator'] as const;

export const routes: readonly AppRoute[] = [
  resident('/', 'home'),
  resident('/melden', 'reportForm', { menu: 'nav.report' }),
  resident('/melden/bedankt/:trackingCode', 'confirmation'),
  resident('/melding/:trackingCode', 'reportStatus'),
  resident('/mijn-wijk', 'myDistrictFinder', { menu: 'nav.myDistrict' }),
  resident('/mijn-wijk/:code', 'myDistrictView', { menuParent: '/mijn-wijk' }),
  // The links in e-mails to reporters (src/domain/feedback): a signed token, no login.
  resident('/feedback/:token', 'feedback', { constraints: { token: reporterToken } }),
  resident('/antwoord/:token', 'answer', { constraints: { token: reporterToken } }),

  staff('/inloggen', 'signIn', { access: 'sign-in' }),
  // First, so the administrator lands on the administration home (homeFor takes the first menu entry).
  staff('/beheer', 'adminHome', { access: ['administrator'], menu: 'nav.admin' }),
  ...adminSections.map((section): StaffRoute => ({
    path: section.path,
    area: 'staff',
    page: section.page,
    access: ['administrator'],
  })),
  staff('/werk', 'worklist', { access: ['officer'], menu: 'nav.worklist' }),
  staff('/werk/vastleggen', 'fieldLog', { access: ['officer'], menu: 'nav.fieldLog' }),
  staff('/werk/straatmelding', 'streetIntake', { access: ['officer'], menu: 'nav.streetReport' }),
  staff('/wachtwoord', 'password', { access: 'any-staff' }),
  staff('/werk/melding/:reportId', 'reportDetail', { access: 'any-staff', constraints: { reportId: uuid } }),
  staff('/kcc', 'phoneIntake', { access: ['contact_centre', 'administrator'], menu: 'nav.phoneIntake' }),
  staff('/team', 'teamBoard', { access: officeRoles, menu: 'nav.teamBoard' }),
  staff('/werkvoorraad', 'reportQueue', {
    access: ['officer', 'contact_centre', ...officeRoles],
    menu: 'nav.reportQueue',
  }),
  // After the team board, so coordinators and team managers still land there; officers after their field screens.
  staff('/werk/planning', 'myPlanning', { access: ['officer', 'coordinator', 'team_manager'], menu: 'nav.myPlanning' }),
  staff('/analyse', 'analysis', { access: ['analyst', ...officeRoles], menu: 'nav.analysis' }),
  staff('/overzicht', 'overview', { access: [...officeRoles, 'analyst'], menu: 'nav.overview' }),
  staff('/partner', 'partnerWorkspace', { access: ['partner'], menu: 'nav.partner' }),
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
