import { useMemo } from 'react';
import type { HotspotMap } from '../../api/contract.ts';
import { analysisUrl, hotspots, type AnalysisFilters } from '../../api/staff-analysis.ts';
import { DataTable } from '../overview/charts.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { CellMap, colourFor, countColours, type MapCell } from './cell-map.tsx';
import { Downloads, ViewStatus } from './downloads.tsx';
import { useView } from './use-view.ts';

const outlineOf = (cellClass: string): MapCell['outline'] =>
  cellClass === 'hot-99.9' ? 2 : cellClass === 'hot-95' ? 1 : 0;

/** Kaart: events per grid cell, coloured by count, Gi* hot spots outlined; the same cells as a table. */
export function HotspotView({ filters }: { filters: AnalysisFilters }) {
  const { t, locale } = useStaffI18n();
  const state = useView((signal) => hotspots(filters, signal), analysisUrl('hotspots', filters));
  const data = state.status === 'loaded' ? state.data : null;
  const max = useMemo(() => Math.max(0, ...(data?.features.map((f) => f.properties.count) ?? [])), [data]);
  const cells = useMemo<MapCell[]>(
    () =>
      (data?.features ?? [])
        .filter((f) => f.properties.count > 0)
        .map((f) => ({
          id: f.id,
          coordinates: f.geometry.coordinates,
          fill: colourFor(f.properties.count, max),
          outline: outlineOf(f.properties.class),
        })),
    [data, max],
  );
  if (!data) return <ViewStatus state={state as { status: 'loading' | 'failed' }} />;
  const significant = sortedCells(data).filter((f) => f.properties.class.startsWith('hot'));
  const z = (value: number) => value.toLocaleString(locale, { maximumFractionDigits: 2 });
  return (
    <section aria-labelledby="hotspots-title" className="wp-section">
      <h2 className="utrecht-heading-2" id="hotspots-title">
        {t('analysis.mapTitle')}
      </h2>
      <p className="utrecht-paragraph" id="hotspots-summary">
        {t('analysis.mapSummary', {
          total: data.total,
          cells: data.studyCells,
          size: data.cellSize,
          hot: significant.length,
        })}
      </p>
      <CellMap id="hotspot-map" label={t('analysis.mapLabel')} describedBy="hotspots-summary" cells={cells} />
      <Legend max={max} />
      <Downloads
        name="hotspots"
        csv={analysisUrl('hotspots', filters, 'csv')}
        geojson={analysisUrl('hotspots', filters, 'geojson')}
      />
      <DataTable
        id="hotspot-table"
        caption={t('analysis.mapTable')}
        head={[t('analysis.cell'), t('analysis.count'), t('analysis.zScore'), t('analysis.class')]}
        rows={sortedCells(data)
          .filter((f) => f.properties.count > 0)
          .slice(0, 200)
          .map((f) => [f.id, f.properties.count, z(f.properties.z), t(classKey(f.properties.class))])}
      />
    </section>
  );
}

const sortedCells = (data: HotspotMap) => [...data.features].sort((a, b) => b.properties.z - a.properties.z);

function classKey(cellClass: string) {
  if (cellClass === 'hot-99.9') return 'analysis.classHot999' as const;
  if (cellClass === 'hot-95') return 'analysis.classHot95' as const;
  if (cellClass.startsWith('cold')) return 'analysis.classCold' as const;
  return 'analysis.classNone' as const;
}

function Legend({ max }: { max: number }) {
  const { t } = useStaffI18n();
  const step = max / countColours.length;
  return (
    <div className="wp-legend-block">
      <h3 className="utrecht-heading-3">{t('analysis.legend')}</h3>
      <ul className="wp-legend" id="hotspot-legend">
        {countColours.map((colour, i) => (
          <li key={colour}>
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" fill={colour} stroke="#6b6b6b" />
            </svg>{' '}
            {t('analysis.legendRange', { from: Math.ceil(i * step), to: Math.floor((i + 1) * step) })}
          </li>
        ))}
        <li>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect x="1" y="1" width="12" height="12" fill="none" stroke="#1a1a1a" strokeWidth="2" />
          </svg>{' '}
          {t('analysis.classHot95')}
        </li>
        <li>
          <svg width="14" height="14" aria-hidden="true" focusable="false">
            <rect x="1.5" y="1.5" width="11" height="11" fill="none" stroke="#1a1a1a" strokeWidth="3" />
          </svg>{' '}
          {t('analysis.classHot999')}
        </li>
      </ul>
    </div>
  );
}
