import { AuditPage } from './audit-page.tsx';
import { CategoriesPage } from './categories-page.tsx';
import { MessagesPage } from './messages-page.tsx';
import { RoutingPage } from './routing-page.tsx';
import { SettingsPage } from './settings-page.tsx';
import { SsoPage } from './sso-page.tsx';

/** The configuration pages by the names admin-sections.ts and the route table use. */
export const adminConfigPages = {
  adminCategories: CategoriesPage,
  adminSettings: SettingsPage,
  adminRouting: RoutingPage,
  adminAudit: AuditPage,
  adminMessages: MessagesPage,
  adminSso: SsoPage,
};
