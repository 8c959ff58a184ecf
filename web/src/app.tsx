import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from './i18n/i18n.tsx';
import { ConfirmationPage } from './pages/confirmation-page.tsx';
import { HomePage } from './pages/home-page.tsx';
import { MyDistrictFinder } from './pages/my-district-finder.tsx';
import { MyDistrictView } from './pages/my-district-view.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { ReportFormPage } from './pages/report-form-page.tsx';
import { ReportStatusPage } from './pages/report-status-page.tsx';
import { Link, useRouter } from './router.tsx';
import { useUiConfig } from './ui-config.tsx';

// The staff screens are a separate chunk: residents never download them.
const StaffApp = lazy(() => import('./staff/staff-app.tsx'));
const STAFF_PATHS = /^\/(inloggen|werk|kcc|team|overzicht)(\/|$)/;

function routeFor(path: string): ReactNode {
  if (STAFF_PATHS.test(path))
    return (
      <Suspense fallback={null}>
        <StaffApp path={path} />
      </Suspense>
    );
  if (path === '/' || path === '') return <HomePage />;
  if (path === '/melden') return <ReportFormPage />;
  if (path === '/mijn-wijk') return <MyDistrictFinder />;
  const district = /^\/mijn-wijk\/([^/]+)$/.exec(path);
  if (district) return <MyDistrictView code={decodeURIComponent(district[1]!)} />;
  const confirmation = /^\/melden\/bedankt\/([^/]+)$/.exec(path);
  if (confirmation) return <ConfirmationPage trackingCode={decodeURIComponent(confirmation[1]!)} />;
  const status = /^\/melding\/([^/]+)$/.exec(path);
  if (status) return <ReportStatusPage trackingCode={decodeURIComponent(status[1]!)} />;
  return <NotFoundPage />;
}

export function App() {
  const { t, language, setLanguage } = useI18n();
  const { path } = useRouter();
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
        {STAFF_PATHS.test(path) ? null : (
          <nav className="wp-nav" aria-label={t('nav.main')}>
            <Link to="/melden" aria-current={path === '/melden' ? 'page' : undefined}>
              {t('nav.report')}
            </Link>
            <Link to="/mijn-wijk" aria-current={path.startsWith('/mijn-wijk') ? 'page' : undefined}>
              {t('nav.myDistrict')}
            </Link>
          </nav>
        )}
      </header>
      <main id="main" className="wp-main" ref={mainRef} tabIndex={-1}>
        {routeFor(path)}
      </main>
      <footer className="wp-footer">
        <div className="wp-footer__inner">
          <p className="utrecht-paragraph">{t('app.footer')}</p>
        </div>
      </footer>
    </div>
  );
}
