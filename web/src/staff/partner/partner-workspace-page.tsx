import { useEffect, useMemo, useState } from 'react';
import type { ReportSummary } from '../../api/contract.ts';
import { allPartnerReports } from '../../api/staff-partner.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { ReportsListOrMap, type ReportsView } from '../reports/reports-list-or-map.tsx';
import { openStatuses } from '../reports/workflow.ts';
import { useStaffI18n } from '../staff-i18n.ts';

type Show = 'open' | 'overdue' | 'resolved' | 'all';
const queries: Record<Show, Record<string, string>> = {
  open: { status: openStatuses.join(',') },
  overdue: { overdue: 'true' },
  resolved: { status: 'resolved,cancelled' },
  all: {},
};
type Loaded = { status: 'loading' } | { status: 'loaded'; items: ReportSummary[] } | { status: 'failed' };

/**
 * The partner organisation's workspace: the reports forwarded to it, in the server's order (overdue first, then
 * by deadline), as a list or on the map. Each opens the partner's report page (accept, send back, resolve).
 */
export function PartnerWorkspacePage() {
  const { t } = useStaffI18n();
  const [show, setShow] = useState<Show>('open');
  const [view, setView] = useState<ReportsView>('list');
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    allPartnerReports(new URLSearchParams(queries[show]), abort.signal)
      .then((items) => setState({ status: 'loaded', items }))
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'failed' });
      });
    return () => abort.abort();
  }, [show]);
  const items = useMemo(() => (state.status === 'loaded' ? state.items : []), [state]);
  const overdue = items.filter((r) => r.overdue).length;

  return (
    <>
      <PageHeading>{t('partner.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('partner.intro')}</p>
      <div className="wp-stack">
        <label className="utrecht-form-label" htmlFor="partner-show">
          {t('partner.show')}
        </label>
        <select
          id="partner-show"
          className="utrecht-select utrecht-select--html-select"
          value={show}
          onChange={(e) => setShow(e.target.value as Show)}
        >
          {(['open', 'overdue', 'resolved', 'all'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`partner.show.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="utrecht-paragraph" role="status" id="partner-summary">
        {state.status === 'loading'
          ? t('shell.loading')
          : state.status === 'failed'
            ? t('worklist.failed')
            : t('partner.summary', { count: items.length, overdue })}
      </p>
      <ReportsListOrMap
        idPrefix="partner"
        view={view}
        onView={setView}
        reports={items}
        empty={state.status === 'loaded' && items.length === 0}
        emptyText={t('partner.empty')}
        mapLabel={t('partner.mapLabel')}
      />
    </>
  );
}
