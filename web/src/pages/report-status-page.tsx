import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { publicReportStatus } from '../api/reports.ts';
import { toPublicReport, type PublicReport } from '../api/types.ts';
import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import { ReporterText } from './reporter-link.tsx';
import { normaliseTrackingCode } from './tracking-code.ts';

type StatusState =
  { status: 'loading' } | { status: 'loaded'; report: PublicReport } | { status: 'not_found' } | { status: 'failed' };

/** Public status by tracking code: the state and its dates, nothing about the reporter. */
export function ReportStatusPage({ trackingCode: typed }: { trackingCode: string }) {
  const { t, formatDateTime } = useI18n();
  const trackingCode = normaliseTrackingCode(typed) ?? typed;
  const [state, setState] = useState<StatusState>({ status: 'loading' });

  // A code typed into the address bar ("wp 9m4v…") is shown and kept in the address as the canonical code.
  useEffect(() => {
    const canonical = `/melding/${encodeURIComponent(trackingCode)}`;
    if (trackingCode !== typed && window.location.pathname !== canonical)
      window.history.replaceState(null, '', canonical);
  }, [trackingCode, typed]);

  useEffect(() => {
    const abort = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to the waiting state when the request's key changes, before this effect's fetch
    setState({ status: 'loading' });
    publicReportStatus(trackingCode, abort.signal)
      .then((body) => setState({ status: 'loaded', report: toPublicReport(body) }))
      .catch((failure: unknown) => {
        if (abort.signal.aborted) return;
        setState({
          status:
            failure instanceof ApiError && (failure.status === 404 || failure.status === 400) ? 'not_found' : 'failed',
        });
      });
    return () => abort.abort();
  }, [trackingCode]);

  const statusKey = (status: string) => `status.${status}` as MessageKey;
  return (
    <>
      <PageHeading>{t('status.title')}</PageHeading>
      <p className="utrecht-paragraph">
        {t('status.code')}: <strong className="wp-code">{trackingCode}</strong>
      </p>
      {state.status === 'loading' ? (
        <p className="utrecht-paragraph" role="status">
          {t('app.loading')}
        </p>
      ) : null}
      {state.status === 'not_found' ? (
        <div className="utrecht-alert utrecht-alert--warning" role="alert">
          <p className="utrecht-paragraph">{t('status.notFound')}</p>
        </div>
      ) : null}
      {state.status === 'failed' ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <p className="utrecht-paragraph">{t('status.failed')}</p>
        </div>
      ) : null}
      {state.status === 'loaded' ? (
        <dl className="wp-data-list" id="report-status">
          <dt>{t('status.status')}</dt>
          <dd>{isKnownStatus(state.report.status) ? t(statusKey(state.report.status)) : state.report.status}</dd>
          {state.report.categoryName ? (
            <>
              <dt>{t('status.category')}</dt>
              <dd>{state.report.categoryName}</dd>
            </>
          ) : null}
          <dt>{t('status.createdAt')}</dt>
          <dd>{formatDateTime(state.report.createdAt)}</dd>
          {state.report.updatedAt ? (
            <>
              <dt>{t('status.updatedAt')}</dt>
              <dd>{formatDateTime(state.report.updatedAt)}</dd>
            </>
          ) : null}
          {state.report.deadline && !state.report.closedAt ? (
            <>
              <dt>{t('status.deadline')}</dt>
              <dd>{formatDateTime(state.report.deadline)}</dd>
            </>
          ) : null}
          {state.report.closedAt ? (
            <>
              <dt>{t('status.closedAt')}</dt>
              <dd>{formatDateTime(state.report.closedAt)}</dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {state.status === 'loaded' && state.report.reporterText ? (
        <ReporterText
          title={t('status.reporterText')}
          text={state.report.reporterText.text}
          at={state.report.reporterText.at}
        />
      ) : null}
    </>
  );
}

const KNOWN = [
  'new',
  'planned',
  'in_progress',
  'waiting_for_reporter',
  'forwarded',
  'resolved',
  'cancelled',
  'reopened',
];
function isKnownStatus(status: string): boolean {
  return KNOWN.includes(status);
}
