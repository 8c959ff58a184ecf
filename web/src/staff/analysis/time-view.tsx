import { useId } from 'react';
import type { AnalysisTrend, TimeProfile } from '../../api/contract.ts';
import { analysisUrl, timeProfile, type AnalysisFilters } from '../../api/staff-analysis.ts';
import { DataTable } from '../overview/charts.tsx';
import { useStaffI18n, type StaffTranslate } from '../staff-i18n.ts';
import { colourFor } from './cell-map.tsx';
import { Downloads, ViewStatus } from './downloads.tsx';
import { useView } from './use-view.ts';

const dayKeys = [
  'analysis.mon',
  'analysis.tue',
  'analysis.wed',
  'analysis.thu',
  'analysis.fri',
  'analysis.sat',
  'analysis.sun',
] as const;
const CELL = 24;
const LEFT = 40;
const TOP = 18;

export const slotText = (t: StaffTranslate, slot: { weekday: number; hour: number }) =>
  t('analysis.slot', { day: t(dayKeys[slot.weekday - 1]!), from: slot.hour, to: slot.hour + 1 });

/** Tijd: the 168 hours of the week as a 7 × 24 heat strip, its table, the busiest slots and the trends. */
export function TimeView({ filters }: { filters: AnalysisFilters }) {
  const { t } = useStaffI18n();
  const state = useView((signal) => timeProfile(filters, signal), analysisUrl('time-profile', filters));
  if (state.status !== 'loaded') return <ViewStatus state={state} />;
  const profile = state.data;
  return (
    <section aria-labelledby="time-title" className="wp-section">
      <h2 className="utrecht-heading-2" id="time-title">
        {t('analysis.timeTitle')}
      </h2>
      <HeatStrip profile={profile} />
      <Downloads name="time-profile" csv={analysisUrl('time-profile', filters, 'csv')} />
      <DataTable
        id="time-table"
        caption={t('analysis.timeTable')}
        head={[t('analysis.day'), ...Array.from({ length: 24 }, (_, h) => String(h))]}
        rows={dayKeys.map((key, d) => [
          t(key),
          ...profile.hours.filter((h) => h.weekday === d + 1).map((h) => h.count),
        ])}
      />
      <h3 className="utrecht-heading-3">{t('analysis.busiest')}</h3>
      <ol className="utrecht-ordered-list" id="busiest-slots">
        {profile.busiest.map((slot) => (
          <li key={`${slot.weekday}-${slot.hour}`} className="utrecht-ordered-list__item">
            {t('analysis.busiestSlot', { slot: slotText(t, slot), count: slot.count })}
          </li>
        ))}
      </ol>
      <h3 className="utrecht-heading-3">{t('analysis.trends')}</h3>
      <ul className="utrecht-unordered-list" id="time-trends">
        <li>{trendText(t, 'analysis.weekOverWeek', profile.weekOverWeek)}</li>
        <li>{trendText(t, 'analysis.sameWeekLastYear', profile.sameWeekLastYear)}</li>
      </ul>
    </section>
  );
}

function trendText(
  t: StaffTranslate,
  label: 'analysis.weekOverWeek' | 'analysis.sameWeekLastYear',
  trend: AnalysisTrend,
) {
  const change = trend.change === null ? '–' : `${trend.change >= 0 ? '+' : ''}${Math.round(trend.change * 100)}%`;
  return t(label, { current: trend.current, previous: trend.previous, change });
}

function HeatStrip({ profile }: { profile: TimeProfile }) {
  const { t } = useStaffI18n();
  const id = useId();
  const max = Math.max(0, ...profile.hours.map((h) => h.count));
  const busiest = profile.busiest[0];
  return (
    <figure className="wp-chart">
      <svg
        viewBox={`0 0 ${LEFT + 24 * CELL} ${TOP + 7 * CELL}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="wp-chart__svg"
        id="heat-strip"
      >
        <title id={`${id}-title`}>{t('analysis.timeTitle')}</title>
        <desc id={`${id}-desc`}>
          {t('analysis.heatDescription', {
            total: profile.total,
            busiest: busiest ? slotText(t, busiest) : '–',
          })}
        </desc>
        {Array.from({ length: 24 }, (_, h) =>
          h % 3 === 0 ? (
            <text key={h} x={LEFT + h * CELL + CELL / 2} y={12} textAnchor="middle" fontSize="10" fill="#333">
              {h}
            </text>
          ) : null,
        )}
        {dayKeys.map((key, d) => (
          <text key={key} x={LEFT - 6} y={TOP + d * CELL + 16} textAnchor="end" fontSize="11" fill="#1a1a1a">
            {t(key)}
          </text>
        ))}
        {profile.hours.map((h) => (
          <rect
            key={`${h.weekday}-${h.hour}`}
            x={LEFT + h.hour * CELL}
            y={TOP + (h.weekday - 1) * CELL}
            width={CELL - 1}
            height={CELL - 1}
            fill={h.count ? colourFor(h.count, max) : '#f3f3f3'}
          />
        ))}
      </svg>
    </figure>
  );
}
