import type { App, AppDeps } from '../../http/route-kit.ts';
import { registerAbsenceRoutes } from './routes-absences.ts';
import { registerOfficerRoutes } from './routes-officers.ts';
import { registerOrganisationRoutes } from './routes-organisation.ts';
import { registerOidcRoutes } from './routes-oidc.ts';
import { registerSessionRoutes } from './routes-sessions.ts';
import { registerUserRoutes } from './routes-users.ts';

/** Sessions, single sign-on's role mapping, officers, district ownership, absences, teams and coordinator groups, users. */
export async function registerPeopleRoutes(app: App, deps: AppDeps): Promise<void> {
  registerSessionRoutes(app, deps);
  registerOfficerRoutes(app, deps);
  registerAbsenceRoutes(app, deps);
  registerUserRoutes(app, deps);
  registerOrganisationRoutes(app, deps);
  registerOidcRoutes(app, deps);
}
