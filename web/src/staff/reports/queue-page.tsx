import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReportSummary } from '../../api/contract.ts';
import { listReports } from '../../api/staff-reports.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { QueueFiltersForm } from './queue-filters.tsx';
import { filtersFromUrl, filtersToApi, filtersToUrl, type QueueFilters } from './queue-query.ts';
import { ReportList } from './report-list.tsx';
import { openStatuses } from './workflow.ts';

const PAGE = 50;
const knownStatuses = [...openStatuses, 'resolved', 'cancelled'] as const;

type Page =
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'loaded'; items: ReportSummary[]; nextCursor: string | null; more: boolean };

/** The filters live in the URL (shareable, and the team board links here); the router tracks only the path. */
function useUrlFilters(): [QueueFilters, (filters: QueueFilters) => void] {
  const read = () => filtersFromUrl(window.location.search, knownStatuses);
  const [filters, setFilters] = useState<QueueFilters>(read);
  useEffect(() => {
    const onPop = () => setFilters(read());
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  const apply = useCallback((next: QueueFilters) => {
    window.history.pushState(null, '', `${window.location.pathname}${filtersToUrl(next)}`);
    setFilters(next);
  }, []);
  return [filters, apply];
}

/**
 * Werkvoorraad: every report a holder has (an officer, a team, a partner, a coordinator group's queue), filtered,
 * sorted and searched on the server and read a page at a time (keyset paging), so it works on 300,000 reports.
 */
export function QueuePage() {
  const { t } = useStaffI18n();
  const [filters, apply] = useUrlFilters();
  const [page, setPage] = useState<Page>({ status: 'loading' });
  const query = useMemo(() => filtersToApi(filters), [filters]);

  useEffect(() => {
    const abort = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to waiting when the filters change, before this effect's fetch
    setPage({ status: 'loading' });
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE));
    listReports(params, abort.signal)
      .then((body) => setPage({ status: 'loaded', items: body.items, nextCursor: body.nextCursor, more: false }))
      .catch(() => {
        if (!abort.signal.aborted) setPage({ status: 'failed' });
      });
    return () => abort.abort();
  }, [query]);

  const loadMore = () => {
    if (page.status !== 'loaded' || !page.nextCursor) return;
    const params = new URLSearchParams(query);
    params.set('limit', String(PAGE));
    params.set('cursor', page.nextCursor);
    setPage({ ...page, more: true });
    listReports(params)
      .then((body) =>
        setPage({ status: 'loaded', items: [...page.items, ...body.items], nextCursor: body.nextCursor, more: false }),
      )
      .catch(() => setPage({ status: 'failed' }));
  };

  const items = page.status === 'loaded' ? page.items : [];
  return (
    <>
      <PageHeading>{t('queue.title')}</PageHeading>
      <QueueFiltersForm filters={filters} onApply={apply} />
      <p className="utrecht-paragraph" role="status" id="queue-summary">
        {page.status === 'loading'
          ? t('shell.loading')
          : page.status === 'failed'
            ? t('worklist.failed')
            : t(page.nextCursor ? 'queue.summaryMore' : 'queue.summary', {
                count: items.length,
                overdue: items.filter((r) => r.overdue).length,
              })}
      </p>
      {page.status === 'loaded' && items.length === 0 ? (
        <p className="utrecht-paragraph">{t('queue.empty')}</p>
      ) : (
        <ReportList reports={items} showHolder />
      )}
      {page.status === 'loaded' && page.nextCursor ? (
        <div className="wp-actions">
          <button
            type="button"
            id="queue-more"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={page.more}
            onClick={loadMore}
          >
            {t('queue.more')}
          </button>
        </div>
      ) : null}
    </>
  );
}
