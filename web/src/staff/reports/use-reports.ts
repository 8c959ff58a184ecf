import { useCallback, useEffect, useState } from 'react';
import type { ReportSummary } from '../../api/contract.ts';
import { allReports } from '../../api/staff-reports.ts';
import { byUrgency } from './workflow.ts';

export type ReportsState = { status: 'loading' } | { status: 'loaded'; items: ReportSummary[] } | { status: 'failed' };

/** Every report matching the query (all pages), overdue first; `reload` after a change. */
export function useReports(query: string | null): { state: ReportsState; reload: () => void } {
  const [state, setState] = useState<ReportsState>({ status: 'loading' });
  const [run, setRun] = useState(0);
  useEffect(() => {
    if (query === null) return;
    const abort = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to the waiting state when the request's key changes, before this effect's fetch
    setState((previous) => (previous.status === 'loaded' ? previous : { status: 'loading' }));
    allReports(new URLSearchParams(query), abort.signal)
      .then((items) => setState({ status: 'loaded', items: items.sort(byUrgency) }))
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'failed' });
      });
    return () => abort.abort();
  }, [query, run]);
  const reload = useCallback(() => setRun((n) => n + 1), []);
  return { state, reload };
}
