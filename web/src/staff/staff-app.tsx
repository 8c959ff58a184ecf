import './staff.css';
import { useEffect, type ReactNode } from 'react';
import { PageHeading } from '../components/page-title.tsx';
import { Link, useRouter } from '../router.tsx';
import { FieldLogPage } from './field-log/field-log-page.tsx';
import { IntakePage } from './intake/intake-page.tsx';
import { OverviewPage } from './overview/overview-page.tsx';
import { ReportDetailPage } from './reports/report-detail-page.tsx';
import { WorklistPage } from './reports/worklist-page.tsx';
import { StaffSessionProvider, useSession } from './session.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { homeFor, navigation } from './navigation.ts';
import type { StaffUser } from '../api/contract.ts';
import { hasRole } from './roles.ts';
import { useStaffI18n } from './staff-i18n.ts';
import { TeamBoardPage } from './team/team-board-page.tsx';

function pageFor(path: string, user: StaffUser): ReactNode {
  const detail = /^\/werk\/melding\/([0-9a-f-]{36})$/.exec(path);
  if (detail) return <ReportDetailPage reportId={detail[1]!} />;
  const route = navigation.find((candidate) => candidate.path === path);
  if (!route) return null;
  if (!hasRole(user, ...route.roles)) return <NotForYou />;
  switch (route.path) {
    case '/werk':
      return <WorklistPage />;
    case '/werk/vastleggen':
      return <FieldLogPage />;
    case '/werk/straatmelding':
      return <IntakePage source="street" />;
    case '/kcc':
      return <IntakePage source="phone" />;
    case '/team':
      return <TeamBoardPage />;
    default:
      return <OverviewPage />;
  }
}

function NotForYou() {
  const { t } = useStaffI18n();
  return (
    <>
      <PageHeading>{t('shell.notForYouTitle')}</PageHeading>
      <p className="utrecht-paragraph">{t('shell.notForYou')}</p>
    </>
  );
}

function StaffShell({ path }: { path: string }) {
  const { t } = useStaffI18n();
  const { state, signOut } = useSession();
  const { navigate } = useRouter();

  useEffect(() => {
    if (state.status === 'signed-out' && path !== '/inloggen') navigate(`/inloggen?terug=${encodeURIComponent(path)}`);
    if (state.status === 'signed-in' && path === '/inloggen') navigate(homeFor(state.user));
  }, [state, path, navigate]);

  if (path === '/inloggen') return state.status === 'signed-in' ? null : <SignInPage />;
  if (state.status === 'loading' || state.status === 'signed-out')
    return (
      <p className="utrecht-paragraph" role="status">
        {t('shell.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <p className="utrecht-paragraph" role="alert">
        {t('shell.failed')}
      </p>
    );

  const user = state.user;
  const links = navigation.filter((route) => hasRole(user, ...route.roles));
  return (
    <div className="wp-staff">
      <nav className="wp-staff-nav" aria-label={t('nav.label')}>
        <ul>
          {links.map((route) => (
            <li key={route.path}>
              <Link to={route.path} aria-current={path === route.path ? 'page' : undefined}>
                {t(route.label)}
              </Link>
            </li>
          ))}
        </ul>
        <p className="wp-staff-nav__user">
          <span>{t('shell.signedInAs', { name: user.name })}</span>{' '}
          <button
            type="button"
            className="utrecht-button utrecht-button--subtle wp-link-button"
            onClick={() => void signOut()}
          >
            {t('shell.signOut')}
          </button>
        </p>
      </nav>
      {pageFor(path, user) ?? <NotForYou />}
    </div>
  );
}

/** The staff part of the UI, loaded on demand: residents never download it. */
export default function StaffApp({ path }: { path: string }) {
  return (
    <StaffSessionProvider>
      <StaffShell path={path} />
    </StaffSessionProvider>
  );
}
