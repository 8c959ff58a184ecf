import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Photo, ReportDetail, StaffUser } from '../../api/contract.ts';
import { getReport, reportPhotos } from '../../api/staff-reports.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { Link } from '../../router.tsx';
import { homeFor } from '../../routes.ts';
import { useStaffUser } from '../session.tsx';
import { hasRole } from '../roles.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { ReportMap } from '../map/report-map.tsx';
import { DuplicateForm } from './duplicate-form.tsx';
import { contactLine } from '../partner/contact-line.ts';
import { PartnerReportPage } from '../partner/partner-report-page.tsx';
import { AssignForm, NoteForm, StatusForm } from './report-forms.tsx';
import { ReportHistory } from './report-history.tsx';
import { ReportDeliveries } from './report-deliveries.tsx';
import { nextStatuses } from './workflow.ts';
import { DetailMessageLine, ReportFacts, type DetailMessage } from './report-facts.tsx';

/** Back to where this role works on reports: Mijn wijk, the Werkvoorraad, or the role's first screen. */
function backTo(user: StaffUser): string {
  if (hasRole(user, 'officer')) return '/werk';
  if (hasRole(user, 'coordinator', 'team_manager', 'contact_centre', 'administrator')) return '/werkvoorraad';
  return homeFor(user);
}

type Loaded =
  | { status: 'loading' }
  | { status: 'loaded'; report: ReportDetail; photos: Photo[] }
  | { status: 'failed'; notFound: boolean };

/** A partner (only a partner) opening a report's link gets the partner's page: what a partner may do with it. */
export function ReportDetailPage({ reportId }: { reportId: string }) {
  const user = useStaffUser();
  return user.roles.every((role) => role === 'partner') ? (
    <PartnerReportPage reportId={reportId} />
  ) : (
    <StaffReportDetail reportId={reportId} />
  );
}

/** One report: what, where, who, the photos and the history; change status, add a note, reassign or forward. */
function StaffReportDetail({ reportId }: { reportId: string }) {
  const { t, language, formatDateTime } = useStaffI18n();
  const user = useStaffUser();
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const [message, setMessage] = useState<DetailMessage>(null);

  const load = useCallback(async () => {
    try {
      const [report, photos] = await Promise.all([
        getReport(reportId),
        reportPhotos(reportId).catch(() => ({ items: [] })),
      ]);
      setState({ status: 'loaded', report, photos: photos.items });
    } catch (error) {
      setState({ status: 'failed', notFound: error instanceof ApiError && error.status === 404 });
    }
  }, [reportId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load() fetches the report; it sets state only when the answer arrives
    void load();
  }, [load]);

  const after = (text: string) => (report: ReportDetail) => {
    setState((previous) => ({ status: 'loaded', report, photos: previous.status === 'loaded' ? previous.photos : [] }));
    setMessage({ kind: 'ok', text });
  };
  const failed = (error: unknown) => {
    const detail =
      error instanceof ApiError
        ? error.status === 409
          ? t('detail.conflict')
          : error.problem?.invalidParams?.map((p) => p.reason).join(' ') || error.problem?.detail || t('detail.failed')
        : t('detail.failed');
    setMessage({ kind: 'error', text: detail });
    if (error instanceof ApiError && error.status === 409) void load();
  };

  if (state.status === 'loading')
    return (
      <p className="utrecht-paragraph" role="status">
        {t('shell.loading')}
      </p>
    );
  if (state.status === 'failed') {
    return (
      <>
        <PageHeading>{t('detail.unavailableTitle')}</PageHeading>
        <p className="utrecht-paragraph">{state.notFound ? t('detail.notFound') : t('detail.failed')}</p>
      </>
    );
  }
  const { report, photos } = state;
  const canChange = hasRole(user, 'officer', 'coordinator', 'team_manager', 'administrator');
  return (
    <>
      <p className="utrecht-paragraph">
        <Link to={backTo(user)}>{t('detail.back')}</Link>
      </p>
      <PageHeading>
        {t('detail.title', { category: report.category.name, code: report.trackingCode ?? report.district.name })}
      </PageHeading>
      <DetailMessageLine message={message} />
      <ReportFacts report={report}>
        <dt>{t('detail.assignee')}</dt>
        <dd>
          {report.assignee.name} — {language === 'en' ? report.routing.reason.en : report.routing.reason.nl}
        </dd>
        {report.partnerContact ? (
          <>
            <dt>{t('detail.partnerContact')}</dt>
            <dd id="partner-contact">{contactLine(report.partnerContact)}</dd>
          </>
        ) : null}
        <dt>{t('detail.source')}</dt>
        <dd>
          {t(`source.${report.source as 'web'}`)} · {formatDateTime(report.createdAt)}
        </dd>
        {report.duplicateOf ? (
          <>
            <dt>{t('detail.duplicateOf')}</dt>
            <dd>
              <Link to={`/werk/melding/${report.duplicateOf}`}>{t('history.openMain')}</Link>
            </dd>
          </>
        ) : null}
        {report.reporter && (report.reporter.email || report.reporter.phone) ? (
          <>
            <dt>{t('detail.reporter')}</dt>
            <dd>{[report.reporter.email, report.reporter.phone].filter(Boolean).join(' · ')}</dd>
          </>
        ) : null}
      </ReportFacts>
      <ReportMap
        id="report-location-map"
        label={t('detail.map')}
        reports={[
          {
            id: report.id,
            point: report.location.coordinates,
            label: `${report.category.name}, ${report.address ?? report.district.name}`,
            overdue: report.overdue,
          },
        ]}
      />
      {photos.length ? (
        <section className="wp-section" aria-labelledby="photos-title">
          <h2 className="utrecht-heading-2" id="photos-title">
            {t('detail.photos')}
          </h2>
          <div className="wp-photos">
            {photos.map((photo, index) => (
              <a key={photo.id} href={photo.url} target="_blank" rel="noreferrer">
                <img src={photo.url} alt={t('detail.photoAlt', { n: index + 1 })} />
              </a>
            ))}
          </div>
        </section>
      ) : null}
      {canChange && nextStatuses[report.status].length ? (
        <StatusForm report={report} onDone={after(t('detail.statusChanged'))} onError={failed} />
      ) : null}
      <NoteForm reportId={report.id} onDone={after(t('detail.noteAdded'))} onError={failed} />
      {hasRole(user, 'officer', 'coordinator', 'team_manager', 'contact_centre', 'administrator') &&
      report.status !== 'resolved' &&
      report.status !== 'cancelled' ? (
        <>
          <AssignForm report={report} onDone={after(t('detail.reassigned'))} onError={failed} />
          <DuplicateForm report={report} onDone={after(t('detail.duplicateDone'))} onError={failed} />
        </>
      ) : null}
      <ReportDeliveries reportId={report.id} version={report.version} />
      <ReportHistory history={report.history} />
    </>
  );
}
