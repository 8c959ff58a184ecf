import { useMemo } from 'react';
import type { CoverageFigures } from '../../api/contract.ts';
import { analysisUrl, forecast, type AnalysisFilters } from '../../api/staff-analysis.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { CellMap, colourFor, type MapCell } from './cell-map.tsx';
import { Downloads, ViewStatus } from './downloads.tsx';
import { useView } from './use-view.ts';

/** Voorspelling: next week's cells beside every method's honest backtest and the chosen method's own. */
export function ForecastView({ filters }: { filters: AnalysisFilters }) {
  const { t, language } = useStaffI18n();
  const state = useView((signal) => forecast(filters, signal), analysisUrl('forecast', filters));
  const data = state.status === 'loaded' ? state.data : null;
  const cells = useMemo<MapCell[]>(() => {
    const top = Math.max(0, ...(data?.cells.map((c) => c.score) ?? []));
    return (data?.cells ?? []).map((c) => ({
      id: c.cellId,
      coordinates: c.geometry.coordinates,
      fill: colourFor(c.score, top),
      outline: c.rank <= Math.ceil(0.01 * (data?.studyCells ?? 0)) ? 2 : 0,
    }));
  }, [data]);
  if (!data) return <ViewStatus state={state as { status: 'loading' | 'failed' }} />;
  const rows = [
    ...data.backtest.methods.map((m) => ({ name: m.name, chosen: false, coverages: m.coverages })),
    { name: data.backtest.chosen.name, chosen: true, coverages: data.backtest.chosen.coverages },
  ];
  return (
    <section aria-labelledby="forecast-title" className="wp-section">
      <h2 className="utrecht-heading-2" id="forecast-title">
        {t('analysis.forecastTitle', { week: data.weekStartDate })}
      </h2>
      <p className="utrecht-paragraph" id="forecast-summary">
        {t('analysis.forecastSummary', { method: data.method, cells: data.cells.length, weeks: data.backtest.weeks })}
      </p>
      <p className="utrecht-paragraph wp-note" id="feedback-loop">
        {language === 'en' ? data.feedbackLoop.en : data.feedbackLoop.nl}
      </p>
      <div className="wp-side-by-side">
        <div>
          <CellMap
            id="forecast-map"
            label={t('analysis.forecastMapLabel')}
            describedBy="forecast-summary"
            cells={cells}
          />
          <Downloads
            name="forecast"
            csv={analysisUrl('forecast', filters, 'csv')}
            geojson={analysisUrl('forecast', filters, 'geojson')}
          />
        </div>
        <BacktestTable rows={rows} rule={data.backtest.chosen.rule} />
      </div>
    </section>
  );
}

function BacktestTable({
  rows,
  rule,
}: {
  rows: { name: string; chosen: boolean; coverages: CoverageFigures[] }[];
  rule: string;
}) {
  const { t, locale } = useStaffI18n();
  const num = (value: number | null, digits = 2) =>
    value === null
      ? '–'
      : value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const pct = (value: number | null) => (value === null ? '–' : `${num(value * 100, 1)}%`);
  const range = (low: number | null, high: number | null, format: (v: number | null) => string) =>
    `${format(low)}–${format(high)}`;
  return (
    <div>
      <div className="wp-table-scroll" role="region" aria-labelledby="backtest-caption" tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table wp-table" id="backtest-table">
          <caption className="utrecht-table__caption" id="backtest-caption">
            {t('analysis.backtestCaption')}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {[
                t('analysis.method'),
                t('analysis.coverage'),
                t('analysis.hitRate'),
                t('analysis.pai'),
                t('analysis.pei'),
              ].map((head) => (
                <th key={head} scope="col" className="utrecht-table__header-cell">
                  {head}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rows.flatMap((row) =>
              row.coverages.map((c) => (
                <tr key={`${row.chosen}-${row.name}-${c.coverage}`} className="utrecht-table__row">
                  <th scope="row" className="utrecht-table__header-cell">
                    {row.chosen ? t('analysis.chosenMethod', { name: row.name }) : row.name}
                  </th>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">{pct(c.coverage)}</td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">
                    {pct(c.hitRate)} ({range(c.hitRateP10, c.hitRateP90, pct)})
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">
                    {num(c.pai)} ({range(c.paiP10, c.paiP90, num)})
                  </td>
                  <td className="utrecht-table__cell utrecht-table__cell--numeric">
                    {num(c.pei)} ({range(c.peiP10, c.peiP90, num)})
                  </td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <p className="utrecht-paragraph">{t('analysis.backtestNote')}</p>
      <p className="utrecht-paragraph" id="chosen-rule">
        {t('analysis.rule', { rule })}
      </p>
    </div>
  );
}
