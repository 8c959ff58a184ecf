import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { analysisUrl, analysisVisibility, importSurveyCsv, type AnalysisFilters } from '../../api/staff-analysis.ts';
import { FormField } from '../../components/form-field.tsx';
import { hasRole } from '../roles.ts';
import { useStaffUser } from '../session.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { Downloads, ViewStatus } from './downloads.tsx';
import { SimpleTable } from './simple-table.tsx';
import { useView } from './use-view.ts';

/**
 * Zichtbaarheid: presence, contacts and meetings per district and year beside the survey share, with trends.
 * The upload form stays mounted while the table reloads after an import, so its confirmation stays on screen.
 */
export function VisibilityView({ filters }: { filters: AnalysisFilters }) {
  const user = useStaffUser();
  const [imports, setImports] = useState(0);
  return (
    <>
      <VisibilityTable filters={filters} imports={imports} />
      {hasRole(user, 'administrator') ? <SurveyUpload onImported={() => setImports((n) => n + 1)} /> : null}
    </>
  );
}

function VisibilityTable({ filters, imports }: { filters: AnalysisFilters; imports: number }) {
  const { t, locale } = useStaffI18n();
  const state = useView(
    (signal) => analysisVisibility(filters, signal),
    `${analysisUrl('visibility', filters)}#${imports}`,
  );
  if (state.status !== 'loaded') return <ViewStatus state={state} />;
  const num = (value: number, digits = 1) => value.toLocaleString(locale, { maximumFractionDigits: digits });
  const trend = (value: number | null, unit: string) =>
    value === null ? '–' : `${value >= 0 ? '+' : ''}${num(value, 2)}${unit}`;
  const rows = state.data.districts.flatMap((district) =>
    district.years.map((year) => [
      district.name,
      year.year,
      num(year.presenceHours),
      year.contacts,
      year.meetings,
      year.surveys.length ? year.surveys.map((s) => `${Math.round(s.share * 100)}%`).join(', ') : '–',
      trend(district.surveyTrend === null ? null : district.surveyTrend * 100, ' pp'),
      trend(district.presenceTrend, ' u'),
    ]),
  );
  return (
    <section aria-labelledby="visibility-title" className="wp-section">
      <h2 className="utrecht-heading-2" id="visibility-title">
        {t('analysis.visibilityTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('analysis.visibilityIntro')}</p>
      <Downloads name="visibility" csv={analysisUrl('visibility', filters, 'csv')} />
      <SimpleTable
        id="visibility-table"
        caption={t('analysis.visibilityTable', { from: state.data.fromYear, to: state.data.toYear })}
        head={[
          t('analysis.district'),
          t('analysis.year'),
          t('analysis.presenceHours'),
          t('analysis.contacts'),
          t('analysis.meetings'),
          t('analysis.surveyShare'),
          t('analysis.surveyTrend'),
          t('analysis.presenceTrend'),
        ]}
        rows={rows}
        empty={t('analysis.noRows')}
      />
    </section>
  );
}

function SurveyUpload({ onImported }: { onImported: () => void }) {
  const { t } = useStaffI18n();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('survey');
    if (!(file instanceof File) || !file.size) return setMessage({ ok: false, text: t('analysis.surveyChoose') });
    try {
      const result = await importSurveyCsv(await file.text());
      setMessage({
        ok: true,
        text: t('analysis.surveyImported', { count: result.imported, years: result.years.join(', ') }),
      });
      onImported();
    } catch (error) {
      const problems = error instanceof ApiError ? (error.problem?.invalidParams ?? []) : [];
      const detail = problems.map((p) => `${p.name}: ${p.reason}`).join('; ');
      setMessage({ ok: false, text: detail || t('analysis.surveyFailed') });
    }
  }
  return (
    <form onSubmit={(e) => void submit(e)} className="wp-section" aria-labelledby="survey-title">
      <h3 className="utrecht-heading-3" id="survey-title">
        {t('analysis.surveyTitle')}
      </h3>
      <FormField id="survey-file" label={t('analysis.surveyFile')} description={t('analysis.surveyHelp')}>
        {(a11y) => <input {...a11y} type="file" name="survey" accept=".csv,text/csv" className="utrecht-textbox" />}
      </FormField>
      <button type="submit" className="utrecht-button utrecht-button--secondary-action">
        {t('analysis.surveyUpload')}
      </button>
      {message ? (
        <p className={message.ok ? 'wp-ok-text' : 'wp-error-text'} role="status">
          {message.text}
        </p>
      ) : null}
    </form>
  );
}
