// The areas' routes files are their HTTP edge (see .dependency-cruiser.cjs): registered here, not exported by index.ts.
import { registerAuditRoutes } from '../domain/audit/routes.ts';
import { registerSettingsRoutes } from '../domain/settings/routes.ts';
import { registerAddressRoutes } from '../domain/addresses/routes.ts';
import { registerCategoryRoutes } from '../domain/categories/routes.ts';
import { registerDashboardRoutes } from '../domain/dashboards/routes.ts';
import { registerFeedbackRoutes } from '../domain/feedback/routes.ts';
import { registerFieldworkRoutes } from '../domain/fieldwork/routes.ts';
import { registerGeographyRoutes } from '../domain/geography/routes.ts';
import { registerMeetingRoutes } from '../domain/meetings/routes.ts';
import { registerPeopleRoutes } from '../domain/people/routes.ts';
import { registerPhotoRoutes } from '../domain/photos/routes.ts';
import { registerPrivacyRoutes } from '../domain/privacy/routes.ts';
import { registerPublicReportRoutes } from '../domain/reports/routes-public.ts';
import { registerReportRoutes } from '../domain/reports/routes.ts';
import { registerPartnerReportRoutes } from '../domain/reports/routes-partner.ts';
import { registerReportDeliveryRoutes } from '../domain/reports/routes-deliveries.ts';
import { registerUnsubscribeRoutes } from '../domain/reports/routes-unsubscribe.ts';
import { registerOutboxRoutes } from '../domain/outbox/routes.ts';
import { registerRoutingRoutes } from '../domain/routing/routes.ts';
import { registerSignalenRoutes } from '../domain/signalen/routes.ts';
import { createPdokLocatieserver } from '../integrations/pdok-locatieserver.ts';
import { registerAnalysisRoutes } from '../domain/analysis/routes.ts';
import { registerOpen311Routes } from '../domain/open311/routes.ts';
import type { App, AppDeps } from './deps.ts';

/** Every area's routes, registered in one place. */
export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  const addressSearch = createPdokLocatieserver({
    baseUrl: deps.config.PDOK_LOCATIESERVER_URL,
    timeoutMs: deps.config.PDOK_TIMEOUT_MS,
  });
  registerCategoryRoutes(app, deps);
  registerRoutingRoutes(app, deps, addressSearch);
  await registerGeographyRoutes(app, deps);
  await registerPeopleRoutes(app, deps);
  registerFieldworkRoutes(app, deps);
  registerMeetingRoutes(app, deps);
  await registerReportRoutes(app, deps);
  registerPublicReportRoutes(app, deps);
  registerFeedbackRoutes(app, deps);
  registerPartnerReportRoutes(app, deps);
  registerReportDeliveryRoutes(app, deps);
  await registerUnsubscribeRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerAddressRoutes(app, deps, addressSearch);
  registerPhotoRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerAnalysisRoutes(app, deps);
  await registerOpen311Routes(app, deps, addressSearch);
  registerSignalenRoutes(app, deps);
  registerPrivacyRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerSettingsRoutes(app, deps);
}
