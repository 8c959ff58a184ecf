import { useEffect, useMemo, useState } from 'react';
import type { Overview, Visibility } from '../../api/contract.ts';
import { districtOutlines } from '../../api/resident.ts';
import { managementOverview } from '../../api/staff-dashboards.ts';
import { districtVisibility } from '../../api/staff-fieldwork.ts';
import { FormField } from '../../components/form-field.tsx';
import { PageHeading } from '../../components/page-title.tsx';
import { useUiConfig } from '../../ui-config.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { Bars, DataTable, StackedColumns, type Series } from './charts.tsx';
import { FeedbackFigures } from './feedback-figures.tsx';

const WEEK_MS = 7 * 86_400_000;
type Split = 'category' | 'borough';

/** Every ISO week (Monday, YYYY-MM-DD) from the first to the last seen, so empty weeks show as gaps. */
function weeksBetween(weeks: string[]): string[] {
  if (!weeks.length) return [];
  const sorted = [...weeks].sort();
  const out: string[] = [];
  for (let at = Date.parse(`${sorted[0]}T12:00:00Z`); at <= Date.parse(`${sorted.at(-1)}T12:00:00Z`); at += WEEK_MS)
    out.push(new Date(at).toISOString().slice(0, 10));
  return out;
}

/** Null when nothing was due yet: 0% would wrongly read as "all late". */
const percent = (within: number, due: number) => (due ? Math.round((within / due) * 100) : null);
const percentText = (share: number | null) => (share === null ? '–' : `${share}%`);

/** Management overview: reports per week by category or borough, deadline performance, visibility per district. */
export function OverviewPage() {
  const { t, language } = useStaffI18n();
  const { config } = useUiConfig();
  const [weeks, setWeeks] = useState(12);
  const [split, setSplit] = useState<Split>('category');
  const [data, setData] = useState<{
    overview: Overview;
    visibility: Visibility;
    districtNames: Map<string, string>;
  } | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const to = new Date();
    const from = new Date(to.getTime() - weeks * WEEK_MS);
    const period = `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    Promise.all([managementOverview(period), districtVisibility(period), districtOutlines(config.municipalityCode, 50)])
      .then(([overview, visibility, districts]) => {
        setData({
          overview,
          visibility,
          districtNames: new Map(districts.features.map((f) => [f.properties.code, f.properties.name])),
        });
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [weeks, config.municipalityCode]);

  const charts = useMemo(() => {
    if (!data) return null;
    const { overview } = data;
    const columns = weeksBetween(overview.reportsPerWeek.map((r) => r.weekStartDate));
    const groups =
      split === 'category'
        ? overview.categories.map((c) => ({
            key: c.code,
            label: language === 'en' ? c.nameEn : c.nameNl,
            match: (r: Overview['reportsPerWeek'][number]) => r.categoryCode === c.code,
          }))
        : overview.boroughs.map((b) => ({
            key: b.code,
            label: b.name,
            match: (r: Overview['reportsPerWeek'][number]) => r.boroughCode === b.code,
          }));
    const series: Series[] = groups.map((g) => ({
      key: g.key,
      label: g.label,
      values: columns.map((week) =>
        overview.reportsPerWeek
          .filter((r) => r.weekStartDate === week && g.match(r))
          .reduce((sum, r) => sum + r.reports, 0),
      ),
    }));
    const deadlineRows = overview.boroughs.map((b) => {
      const rows = overview.deadlinePerWeek.filter((r) => r.boroughCode === b.code);
      const due = rows.reduce((sum, r) => sum + r.due, 0);
      const within = rows.reduce((sum, r) => sum + r.handledWithinDeadline, 0);
      return { label: b.name, due, within };
    });
    const totalDue = deadlineRows.reduce((sum, r) => sum + r.due, 0);
    const totalWithin = deadlineRows.reduce((sum, r) => sum + r.within, 0);
    return {
      columns,
      series,
      deadlineRows,
      totalDue,
      totalWithin,
      total: series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0),
    };
  }, [data, split, language]);

  return (
    <>
      <PageHeading>{t('overview.title')}</PageHeading>
      <div className="wp-filters">
        <FormField id="overview-weeks" label={t('overview.period')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={weeks}
              onChange={(e) => setWeeks(Number(e.target.value))}
            >
              {[4, 12, 26, 52].map((n) => (
                <option key={n} value={n}>
                  {t('overview.lastWeeks', { count: n })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="overview-split" label={t('overview.split')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={split}
              onChange={(e) => setSplit(e.target.value as Split)}
            >
              <option value="category">{t('overview.byCategory')}</option>
              <option value="borough">{t('overview.byBorough')}</option>
            </select>
          )}
        </FormField>
      </div>
      {!data || !charts ? (
        <p className="utrecht-paragraph" role="status">
          {failed ? t('overview.failed') : t('shell.loading')}
        </p>
      ) : (
        <>
          <section className="wp-section" aria-labelledby="per-week-title">
            <h2 className="utrecht-heading-2" id="per-week-title">
              {split === 'category' ? t('overview.perWeekCategory') : t('overview.perWeekBorough')}
            </h2>
            <StackedColumns
              title={split === 'category' ? t('overview.perWeekCategory') : t('overview.perWeekBorough')}
              description={t('overview.perWeekDescription', { total: charts.total, weeks: charts.columns.length })}
              columns={charts.columns}
              series={charts.series}
            />
            <DataTable
              id="per-week-table"
              caption={t('overview.tableOfChart')}
              head={[t('overview.weekOf'), ...charts.series.map((s) => s.label)]}
              rows={charts.columns.map((week, i) => [week, ...charts.series.map((s) => s.values[i] ?? 0)])}
            />
          </section>
          <section className="wp-section" aria-labelledby="deadline-title">
            <h2 className="utrecht-heading-2" id="deadline-title">
              {t('overview.deadlineTitle')}
            </h2>
            <p className="utrecht-paragraph" id="deadline-total">
              {charts.totalDue
                ? t('overview.deadlineTotal', {
                    share: percentText(percent(charts.totalWithin, charts.totalDue)),
                    within: charts.totalWithin,
                    due: charts.totalDue,
                  })
                : t('overview.deadlineNone')}
            </p>
            <Bars
              title={t('overview.deadlineTitle')}
              description={t('overview.deadlineDescription')}
              rows={charts.deadlineRows.map((r) => ({ label: r.label, value: percent(r.within, r.due) }))}
              format={percentText}
              max={100}
            />
            <DataTable
              caption={t('overview.tableOfChart')}
              head={[t('team.borough'), t('overview.due'), t('overview.within'), t('overview.share')]}
              rows={charts.deadlineRows.map((r) => [r.label, r.due, r.within, percentText(percent(r.within, r.due))])}
            />
          </section>
          <FeedbackFigures overview={data.overview} />
          <section className="wp-section" aria-labelledby="visibility-title">
            <h2 className="utrecht-heading-2" id="visibility-title">
              {t('overview.visibilityTitle')}
            </h2>
            <Bars
              title={t('overview.hoursPresent')}
              description={t('overview.visibilityDescription')}
              rows={[...data.districtNames.entries()].map(([code, name]) => ({
                label: name,
                value: data.visibility.districts.find((d) => d.districtCode === code)?.hoursPresent ?? 0,
              }))}
              format={(value) =>
                t('overview.hours', {
                  hours: (value ?? 0).toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', {
                    maximumFractionDigits: 1,
                  }),
                })
              }
            />
            <DataTable
              caption={t('overview.tableOfChart')}
              head={[t('team.district'), t('overview.hoursPresent'), t('overview.contacts'), t('overview.meetings')]}
              rows={[...data.districtNames.entries()].map(([code, name]) => {
                const row = data.visibility.districts.find((d) => d.districtCode === code);
                return [name, row?.hoursPresent ?? 0, row?.contacts ?? 0, row?.meetings ?? 0];
              })}
            />
          </section>
        </>
      )}
    </>
  );
}
