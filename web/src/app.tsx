import { lazy, Suspense, useEffect, useRef, type ComponentType, type ReactNode } from 'react';
import { useI18n } from './i18n/i18n.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { residentPages } from './pages/resident-pages.tsx';
import { matchRoute, type Match } from './route-match.ts';
import { Link, useRouter } from './router.tsx';
import { residentMenu, routes, type AppRoute } from './routes.ts';
import { useUiConfig } from './ui-config.tsx';

// The staff screens are a separate chunk: residents never download them.
const StaffApp = lazy(() => import('./staff/staff-app.tsx'));

function pageFor(path: string, match: Match<AppRoute> | null): ReactNode {
  if (!match) return <NotFoundPage />;
  const { route, params } = match;
  if (route.area === 'resident') {
    // The route table only names a page whose params its path gives (PagesFor in routes.ts).
    const Page = residentPages[route.page] as ComponentType<Record<string, string>>;
    return <Page {...params} />;
  }
  return (
    <Suspense fallback={null}>
      <StaffApp path={path} route={route} params={params} />
    </Suspense>
  );
}

export function App() {
  const { t, language, setLanguage } = useI18n();
  const { path } = useRouter();
  const match = matchRoute(routes, path);
  const currentMenuPath = match?.route.area === 'resident' ? (match.route.menuParent ?? match.route.path) : null;
  const { config } = useUiConfig();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // After client-side navigation, screen-reader and keyboard users start at the new page's heading.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [path]);

  return (
    <div className="wp-page utrecht-document">
      <a className="utrecht-skip-link utrecht-skip-link--visible-on-focus wp-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="wp-header">
        <div className="wp-header__inner">
          <Link to="/" className="wp-brand">
            {t('app.name')}
            <span className="wp-brand__tagline">{t('app.tagline', { municipality: config.municipalityName })}</span>
          </Link>
          <button
            type="button"
            className="utrecht-button utrecht-button--secondary-action"
            lang={language === 'nl' ? 'en' : 'nl'}
            aria-label={t('app.languageSwitchLabel')}
            onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
          >
            {t('app.languageSwitch')}
          </button>
        </div>
        {match?.route.area === 'staff' ? null : (
          <nav className="wp-nav" aria-label={t('nav.main')}>
            {residentMenu.map((item) => (
              <Link key={item.path} to={item.path} aria-current={currentMenuPath === item.path ? 'page' : undefined}>
                {t(item.menu)}
              </Link>
            ))}
          </nav>
        )}
      </header>
      <main id="main" className="wp-main" ref={mainRef} tabIndex={-1}>
        {pageFor(path, match)}
      </main>
      <footer className="wp-footer">
        <div className="wp-footer__inner">
          <p className="utrecht-paragraph">{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
