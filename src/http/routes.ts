import { registerCategoryRoutes } from '../domain/categories/index.ts';
import { registerRoutingRoutes } from '../domain/routing/index.ts';
import { registerGeographyRoutes } from '../domain/geography/index.ts';
import { registerPeopleRoutes } from '../domain/people/index.ts';
import { registerFieldworkRoutes } from '../domain/fieldwork/index.ts';
import { registerMeetingRoutes } from '../domain/meetings/index.ts';
import { registerPublicReportRoutes, registerReportRoutes } from '../domain/reports/index.ts';
import { registerAddressRoutes } from '../domain/addresses/index.ts';
import { createPdokLocatieserver } from '../integrations/pdok-locatieserver.ts';
import { registerPhotoRoutes } from '../domain/photos/index.ts';
import { registerDashboardRoutes } from '../domain/dashboards/index.ts';
import { registerAnalysisRoutes } from '../domain/analysis/routes.ts';
import type { App, AppDeps } from './deps.ts';

/** Every area's routes, registered in one place. */
export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  registerCategoryRoutes(app, deps);
  registerRoutingRoutes(app, deps);
  await registerGeographyRoutes(app, deps);
  await registerPeopleRoutes(app, deps);
  registerFieldworkRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  await registerReportRoutes(app, deps);
  registerPublicReportRoutes(app, deps);
  registerAddressRoutes(
    app,
    deps,
    createPdokLocatieserver({ baseUrl: deps.config.PDOK_LOCATIESERVER_URL, timeoutMs: deps.config.PDOK_TIMEOUT_MS }),
  );
  registerPhotoRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
}
