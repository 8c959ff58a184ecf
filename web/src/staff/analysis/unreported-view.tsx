import { analysisUrl, unreported, type AnalysisFilters } from '../../api/staff-analysis.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { Downloads, ViewStatus } from './downloads.tsx';
import { SimpleTable } from './simple-table.tsx';
import { useView } from './use-view.ts';

/** Niet gemeld: Chapman's estimate per district × category, with the assumptions on screen. */
export function UnreportedView({ filters }: { filters: AnalysisFilters }) {
  const { t, language, locale } = useStaffI18n();
  const state = useView((signal) => unreported(filters, signal), analysisUrl('unreported', filters));
  if (state.status !== 'loaded') return <ViewStatus state={state} />;
  const data = state.data;
  const whole = (value: number) => Math.round(value).toLocaleString(locale);
  return (
    <section aria-labelledby="unreported-title" className="wp-section">
      <h2 className="utrecht-heading-2" id="unreported-title">
        {t('analysis.unreportedTitle')}
      </h2>
      <p className="utrecht-paragraph" id="unreported-assumptions">
        {language === 'en' ? data.assumptions.en : data.assumptions.nl}
      </p>
      <p className="utrecht-paragraph">
        {t('analysis.matchRule', { metres: data.matchDistance, hours: data.matchHours })}
      </p>
      <Downloads name="unreported" csv={analysisUrl('unreported', filters, 'csv')} />
      <SimpleTable
        id="unreported-table"
        caption={t('analysis.unreportedTable')}
        head={[
          t('analysis.district'),
          t('analysis.category'),
          t('analysis.observations'),
          t('analysis.reports'),
          t('analysis.matched'),
          t('analysis.estimate'),
          t('analysis.interval'),
          t('analysis.onlyOfficers'),
        ]}
        empty={t('analysis.noRows')}
        rows={data.rows.map((row) => [
          row.districtName,
          language === 'en' ? row.categoryNameEn : row.categoryNameNl,
          row.observations,
          row.reports,
          row.matched,
          whole(row.estimate),
          `${whole(row.lower95)}–${whole(row.upper95)}`,
          row.shareOnlyOfficers === null ? '–' : `${Math.round(row.shareOnlyOfficers * 100)}%`,
        ])}
        headerColumns={2}
      />
    </section>
  );
}
