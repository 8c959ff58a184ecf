import { useMemo } from 'react';
import type { ReportSummary } from '../../api/contract.ts';
import { useRouter } from '../../router.tsx';
import { ReportMap, type MapReport } from '../map/report-map.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { ReportList } from './report-list.tsx';

export type ReportsView = 'list' | 'map';

/**
 * A page's reports as a list or on the map, with the switch between the two (`${idPrefix}-show-map`,
 * `${idPrefix}-map`): the officer's worklist and the partner's workspace. A report on the map opens its page.
 */
export function ReportsListOrMap(props: {
  idPrefix: string;
  view: ReportsView;
  onView: (view: ReportsView) => void;
  reports: ReportSummary[];
  /** Loaded and empty: `emptyText` instead of an empty list. */
  empty: boolean;
  emptyText: string;
  mapLabel: string;
  ownDistricts?: Set<string> | undefined;
}) {
  const { t } = useStaffI18n();
  const { navigate } = useRouter();
  const { idPrefix, view, reports } = props;
  const mapReports = useMemo<MapReport[]>(
    () =>
      reports.map((r) => ({
        id: r.id,
        point: r.location.coordinates,
        label: `${r.category.name}, ${r.address ?? r.district.name}${r.overdue ? ` (${t('report.overdue')})` : ''}`,
        overdue: r.overdue,
      })),
    [reports, t],
  );
  return (
    <>
      <div className="wp-segmented" role="group" aria-label={t('worklist.viewLabel')}>
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          aria-pressed={view === 'list'}
          onClick={() => props.onView('list')}
        >
          {t('worklist.asList')}
        </button>
        <button
          type="button"
          id={`${idPrefix}-show-map`}
          className="utrecht-button utrecht-button--secondary-action"
          aria-pressed={view === 'map'}
          onClick={() => props.onView('map')}
        >
          {t('worklist.asMap')}
        </button>
      </div>
      {view === 'map' ? (
        <>
          <p className="utrecht-paragraph wp-map-note" id={`${idPrefix}-map-help`}>
            {t('worklist.mapHelp')}
          </p>
          <ReportMap
            id={`${idPrefix}-map`}
            label={props.mapLabel}
            reports={mapReports}
            onSelectReport={(id) => navigate(`/werk/melding/${id}`)}
            describedBy={`${idPrefix}-map-help`}
          />
        </>
      ) : props.empty ? (
        <p className="utrecht-paragraph">{props.emptyText}</p>
      ) : (
        <ReportList reports={reports} ownDistricts={props.ownDistricts} />
      )}
    </>
  );
}
