/**
 * The configuration sections of the administration (categories, settings, routing, audit log), for the
 * administration's navigation: path, the page's name in the staff route table, and the label in both languages
 * (the same strings as config-nl.ts / config-en.ts, whose keys `menu` names).
 */
export const adminConfigSections = [
  {
    path: '/beheer/categorieen',
    page: 'adminCategories',
    menu: 'config.nav.categories',
    label: { nl: 'Categorieën', en: 'Categories' },
  },
  {
    path: '/beheer/instellingen',
    page: 'adminSettings',
    menu: 'config.nav.settings',
    label: { nl: 'Instellingen', en: 'Settings' },
  },
  {
    path: '/beheer/routering',
    page: 'adminRouting',
    menu: 'config.nav.routing',
    label: { nl: 'Routering', en: 'Routing' },
  },
  { path: '/beheer/audit', page: 'adminAudit', menu: 'config.nav.audit', label: { nl: 'Auditlog', en: 'Audit log' } },
] as const;
