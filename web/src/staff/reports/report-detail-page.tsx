import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Photo, ReportDetail } from '../../api/contract.ts';
import { getReport, reportPhotos } from '../../api/staff-reports.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { Link } from '../../router.tsx';
import { useStaffUser } from '../session.tsx';
import { hasRole } from '../roles.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { AssignForm, NoteForm, StatusForm } from './report-forms.tsx';
import { ReportDeliveries } from './report-deliveries.tsx';
import { nextStatuses } from './workflow.ts';

const historyActions = [
  'created',
  'assigned',
  'rerouted',
  'forwarded',
  'note',
  'photos_added',
  'contact_erased',
] as const;
const historyKey = (action: string) =>
  `history.${(historyActions as readonly string[]).includes(action) ? (action as (typeof historyActions)[number]) : 'other'}` as const;

type Loaded =
  | { status: 'loading' }
  | { status: 'loaded'; report: ReportDetail; photos: Photo[] }
  | { status: 'failed'; notFound: boolean };

/** One report: what, where, who, the photos and the history; change status, add a note, reassign or forward. */
export function ReportDetailPage({ reportId }: { reportId: string }) {
  const { t, language, formatDateTime } = useStaffI18n();
  const user = useStaffUser();
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

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
        <Link to={hasRole(user, 'officer') ? '/werk' : '/team'}>{t('detail.back')}</Link>
      </p>
      <PageHeading>
        {t('detail.title', { category: report.category.name, code: report.trackingCode ?? report.district.name })}
      </PageHeading>
      <div role="status" aria-live="polite" id="detail-message">
        {message ? (
          <p className={`utrecht-paragraph ${message.kind === 'error' ? 'wp-error-text' : 'wp-ok-text'}`}>
            {message.text}
          </p>
        ) : null}
      </div>
      <dl className="wp-data-list">
        <dt>{t('detail.status')}</dt>
        <dd id="report-status">
          {t(`status.${report.status}`)}
          {report.overdue ? ` · ${t('report.overdue')}` : ''}
        </dd>
        <dt>{t('detail.where')}</dt>
        <dd>
          {report.address ?? '—'} ({report.district.name})
        </dd>
        <dt>{t('detail.description')}</dt>
        <dd>{report.description}</dd>
        <dt>{t('detail.deadline')}</dt>
        <dd>{formatDateTime(report.deadline)}</dd>
        <dt>{t('detail.assignee')}</dt>
        <dd>
          {report.assignee.name} — {language === 'en' ? report.routing.reason.en : report.routing.reason.nl}
        </dd>
        <dt>{t('detail.source')}</dt>
        <dd>
          {t(`source.${report.source as 'web'}`)} · {formatDateTime(report.createdAt)}
        </dd>
        {report.reporter && (report.reporter.email || report.reporter.phone) ? (
          <>
            <dt>{t('detail.reporter')}</dt>
            <dd>{[report.reporter.email, report.reporter.phone].filter(Boolean).join(' · ')}</dd>
          </>
        ) : null}
      </dl>
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
        <AssignForm report={report} onDone={after(t('detail.reassigned'))} onError={failed} />
      ) : null}
      <ReportDeliveries reportId={report.id} version={report.version} />
      <section className="wp-section" aria-labelledby="history-title">
        <h2 className="utrecht-heading-2" id="history-title">
          {t('detail.history')}
        </h2>
        <ol className="wp-history">
          {report.history.map((entry, index) => (
            <li key={index}>
              <span className="wp-history__when">{formatDateTime(entry.at)}</span> · {entry.actor.label}:{' '}
              {entry.toStatus
                ? t('history.status', { to: t(`status.${entry.toStatus}`) })
                : t(historyKey(entry.action))}
              {entry.text ? <q className="wp-history__text">{entry.text}</q> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
