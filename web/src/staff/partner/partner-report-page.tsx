import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { ReportDetail } from '../../api/contract.ts';
import { acceptReport } from '../../api/staff-partner.ts';
import { getReport } from '../../api/staff-reports.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { Link } from '../../router.tsx';
import { ReportHistory } from '../reports/report-history.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { ResolveForm, SendBackForm } from './partner-forms.tsx';
import { DetailMessageLine, ReportFacts, type DetailMessage } from '../reports/report-facts.tsx';

type Loaded =
  | { status: 'loading' }
  | { status: 'loaded'; report: ReportDetail }
  | { status: 'sentBack' }
  | { status: 'failed'; notFound: boolean };

const open = (status: ReportDetail['status']) => status !== 'resolved' && status !== 'cancelled';

/**
 * A forwarded report as its partner sees it: no internal notes and no reporter contact (the API sends neither),
 * and the partner's three actions: accept, send back with a reason, resolve with the text for the reporter.
 */
export function PartnerReportPage({ reportId }: { reportId: string }) {
  const { t, formatDateTime } = useStaffI18n();
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  const [message, setMessage] = useState<DetailMessage>(null);

  const load = useCallback(async () => {
    try {
      setState({ status: 'loaded', report: await getReport(reportId) });
    } catch (error) {
      setState({ status: 'failed', notFound: error instanceof ApiError && error.status === 404 });
    }
  }, [reportId]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- load() fetches the report; it sets state only when the answer arrives
    void load();
  }, [load]);

  const done = (text: string) => (report: ReportDetail) => {
    setState({ status: 'loaded', report });
    setMessage({ kind: 'ok', text });
  };
  const failed = (error: unknown) => {
    const conflict = error instanceof ApiError && error.status === 409;
    const detail =
      error instanceof ApiError && !conflict
        ? error.problem?.invalidParams?.map((p) => p.reason).join(' ') || error.problem?.detail || t('detail.failed')
        : conflict
          ? t('detail.conflict')
          : t('detail.failed');
    setMessage({ kind: 'error', text: detail });
    if (conflict) void load();
  };

  const back = (
    <p className="utrecht-paragraph">
      <Link to="/partner">{t('partner.back')}</Link>
    </p>
  );
  if (state.status === 'loading')
    return (
      <p className="utrecht-paragraph" role="status">
        {t('shell.loading')}
      </p>
    );
  if (state.status === 'failed' || state.status === 'sentBack') {
    return (
      <>
        {back}
        <PageHeading>
          {state.status === 'sentBack' ? t('partner.sentBackTitle') : t('detail.unavailableTitle')}
        </PageHeading>
        <p className="utrecht-paragraph" role="status" id="detail-message">
          {state.status === 'sentBack'
            ? t('partner.sentBack')
            : state.notFound
              ? t('detail.notFound')
              : t('detail.failed')}
        </p>
      </>
    );
  }
  const { report } = state;
  return (
    <>
      {back}
      <PageHeading>{t('detail.title', { category: report.category.name, code: report.district.name })}</PageHeading>
      <DetailMessageLine message={message} />
      <ReportFacts report={report}>
        <dt>{t('partner.createdAt')}</dt>
        <dd>{formatDateTime(report.createdAt)}</dd>
      </ReportFacts>
      {report.status === 'forwarded' ? (
        <section className="wp-section wp-stack" aria-labelledby="accept-title">
          <h2 className="utrecht-heading-2" id="accept-title">
            {t('partner.accept')}
          </h2>
          <p className="utrecht-paragraph">{t('partner.acceptHelp')}</p>
          <div className="wp-actions">
            <button
              type="button"
              id="accept-save"
              className="utrecht-button utrecht-button--primary-action"
              onClick={() => acceptReport(report).then(done(t('partner.accepted')), failed)}
            >
              {t('partner.acceptSave')}
            </button>
          </div>
        </section>
      ) : null}
      {open(report.status) ? (
        <>
          <ResolveForm report={report} onDone={done(t('partner.resolved'))} onError={failed} />
          <SendBackForm report={report} onSent={() => setState({ status: 'sentBack' })} onError={failed} />
        </>
      ) : null}
      <ReportHistory history={report.history} />
    </>
  );
}
