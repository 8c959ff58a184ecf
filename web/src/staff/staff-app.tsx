import './staff.css';
import { useEffect, type ComponentType } from 'react';
import { PageHeading } from '../components/page-title.tsx';
import { Link, useRouter } from '../router.tsx';
import { canOpen, homeFor, staffMenu, type StaffRoute } from '../routes.ts';
import { PasswordPage } from './account/password-page.tsx';
import { PasswordReminder } from './account/password-reminder.tsx';
import { AdminHomePage } from './admin/admin-home-page.tsx';
import { DistrictsPage } from './admin/people/districts-page.tsx';
import { OfficersPage } from './admin/people/officers-page.tsx';
import { OrganisationPage } from './admin/people/organisation-page.tsx';
import { UsersPage } from './admin/people/users-page.tsx';
import { adminConfigPages } from './admin/config/pages.ts';
import { AnalysisPage } from './analysis/analysis-page.tsx';
import { FieldLogPage } from './field-log/field-log-page.tsx';
import { IntakePage } from './intake/intake-page.tsx';
import { OverviewPage } from './overview/overview-page.tsx';
import { QueuePage } from './reports/queue-page.tsx';
import { PartnerWorkspacePage } from './partner/partner-workspace-page.tsx';
import { MyPlanningPage } from './planning/my-planning-page.tsx';
import { ReportDetailPage } from './reports/report-detail-page.tsx';
import { WorklistPage } from './reports/worklist-page.tsx';
import { StaffSessionProvider, useSession } from './session.tsx';
import { SignInPage } from './sign-in-page.tsx';
import { useStaffI18n } from './staff-i18n.ts';
import { TeamBoardPage } from './team/team-board-page.tsx';

/** The pages the route table (routes.ts) names; they load with this chunk. */
export const staffPages = {
  signIn: SignInPage,
  worklist: WorklistPage,
  fieldLog: FieldLogPage,
  streetIntake: () => <IntakePage source="street" />,
  phoneIntake: () => <IntakePage source="phone" />,
  reportDetail: ReportDetailPage,
  teamBoard: TeamBoardPage,
  reportQueue: QueuePage,
  overview: OverviewPage,
  analysis: AnalysisPage,
  partnerWorkspace: PartnerWorkspacePage,
  myPlanning: MyPlanningPage,
  password: PasswordPage,
  // The administration: its home and one page per section of admin/admin-sections.ts.
  adminHome: AdminHomePage,
  adminUsers: UsersPage,
  adminOfficers: OfficersPage,
  adminDistricts: DistrictsPage,
  adminOrganisation: OrganisationPage,
  ...adminConfigPages,
};

function NotForYou() {
  const { t } = useStaffI18n();
  return (
    <>
      <PageHeading>{t('shell.notForYouTitle')}</PageHeading>
      <p className="utrecht-paragraph">{t('shell.notForYou')}</p>
    </>
  );
}

interface ShellProps {
  path: string;
  route: StaffRoute;
  params: Record<string, string>;
}

function StaffShell({ path, route, params }: ShellProps) {
  const { t } = useStaffI18n();
  const { state, signOut } = useSession();
  const { navigate } = useRouter();
  const signInPage = route.access === 'sign-in';
  // The route table only names a page whose params its path gives (PagesFor in routes.ts).
  const Page = staffPages[route.page] as ComponentType<Record<string, string>>;

  useEffect(() => {
    if (state.status === 'signed-out' && !signInPage) navigate(`/inloggen?terug=${encodeURIComponent(path)}`);
    if (state.status === 'signed-in' && signInPage) navigate(homeFor(state.user));
  }, [state, path, signInPage, navigate]);

  if (signInPage) return state.status === 'signed-in' ? null : <Page {...params} />;
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
  return (
    <div className="wp-staff">
      <nav className="wp-staff-nav" aria-label={t('nav.label')}>
        <ul>
          {staffMenu(user).map((item) => (
            <li key={item.path}>
              <Link to={item.path} aria-current={path === item.path ? 'page' : undefined}>
                {t(item.menu)}
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
      <PasswordReminder path={path} />
      {canOpen(route, user) ? <Page {...params} /> : <NotForYou />}
    </div>
  );
}

/** The staff part of the UI, loaded on demand: residents never download it. */
export default function StaffApp(props: ShellProps) {
  return (
    <StaffSessionProvider>
      <StaffShell {...props} />
    </StaffSessionProvider>
  );
}
