import { useEffect, useState } from 'react';
import type { ReportSummary } from '../../api/contract.ts';
import { listReports } from '../../api/staff-reports.ts';
import type { LonLat } from '../../api/types.ts';
import { openStatuses } from '../reports/workflow.ts';

/** About 400 m around the point, in degrees at Haarlem's latitude. */
const HALF_HEIGHT = 0.0036;
const HALF_WIDTH = 0.0059;

/** Open reports around a point, for "is this already reported?" while the caller is on the line. */
export function useNearbyOpenReports(point: LonLat | null): ReportSummary[] {
  const [items, setItems] = useState<ReportSummary[]>([]);
  const key = point ? `${point[0].toFixed(5)},${point[1].toFixed(5)}` : null;
  useEffect(() => {
    if (!point) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- back to the waiting state when the request's key changes, before this effect's fetch
      setItems([]);
      return;
    }
    const abort = new AbortController();
    const [lon, lat] = point;
    const bbox = [lon - HALF_WIDTH, lat - HALF_HEIGHT, lon + HALF_WIDTH, lat + HALF_HEIGHT]
      .map((n) => n.toFixed(6))
      .join(',');
    const params = new URLSearchParams({ bbox, status: openStatuses.join(','), limit: '200' });
    // A short pause: the agent is still typing, and every keystroke need not become a query.
    const timer = setTimeout(() => {
      listReports(params, abort.signal)
        .then((page) => setItems(page.items))
        .catch(() => undefined);
    }, 150);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is the point rounded to ~1 m, so a jittering GPS fix does not refetch
  }, [key]);
  return items;
}
