import { useState, type FormEvent } from 'react';
import type { AdminCategory, ReportSourceName, RoutingPreview, RoutingRuleInput } from '../../../api/contract.ts';
import { previewRouting } from '../../../api/staff-admin-config.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { errorFor, formErrorsOf } from './problems.ts';

const sources: ReportSourceName[] = ['web', 'phone', 'street', 'partner', 'email', 'open311'];

/** "YYYY-MM-DDTHH:MM" in the browser's zone, for a datetime-local input. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** "Try it": routes a report that is not filed and shows who would get it and why. Stores nothing. */
export function TryRouting({
  subcategories,
  editedRules,
}: {
  subcategories: AdminCategory[];
  /** The rules as edited on the page, when they differ from the saved ones. */
  editedRules: RoutingRuleInput[] | null;
}) {
  const { t, language, formatShort } = useStaffI18n();
  // Grote Markt, Haarlem: a sensible first place; the administrator types another.
  const [draft, setDraft] = useState({
    lat: '52.3812',
    lon: '4.6365',
    categoryCode: '',
    moment: localInput(new Date()),
    source: 'web' as ReportSourceName,
    useEdited: true,
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<RoutingPreview | null>(null);
  const set = (key: keyof typeof draft, value: string | boolean) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    try {
      const moment = draft.moment ? new Date(draft.moment) : null;
      const preview = await previewRouting({
        location: { lat: Number(draft.lat.replace(',', '.')), lon: Number(draft.lon.replace(',', '.')) },
        categoryCode: draft.categoryCode,
        source: draft.source,
        ...(moment && !Number.isNaN(moment.getTime()) ? { moment: moment.toISOString() } : {}),
        ...(editedRules && draft.useEdited ? { rules: editedRules } : {}),
      });
      setErrors([]);
      setResult(preview);
    } catch (error) {
      const fields = {
        'body.location.lat': 'try-lat',
        'body.location.lon': 'try-lon',
        'body.location': 'try-lat',
        'body.categoryCode': 'try-category',
        'body.moment': 'try-moment',
        'body.source': 'try-source',
      };
      setErrors(formErrorsOf(error, fields, 'try-category', t('config.failed')));
      setAttempt((n) => n + 1);
    }
  };

  const field = (key: 'lat' | 'lon', id: string, label: string) => (
    <FormField id={id} label={label} error={errorFor(errors, id)}>
      {(a11y) => (
        <input
          {...a11y}
          className="utrecht-textbox utrecht-textbox--html-input"
          inputMode="decimal"
          value={draft[key]}
          onChange={(e) => set(key, e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <section className="wp-section wp-card" aria-labelledby="try-title">
      <h2 className="utrecht-heading-2" id="try-title">
        {t('routing.tryTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('routing.tryIntro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        {field('lat', 'try-lat', t('routing.lat'))}
        {field('lon', 'try-lon', t('routing.lon'))}
        <FormField id="try-category" label={t('routing.category')} error={errorFor(errors, 'try-category')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={draft.categoryCode}
              onChange={(e) => set('categoryCode', e.target.value)}
            >
              <option value="">{t('routing.choose')}</option>
              {subcategories.map((c) => (
                <option key={c.code} value={c.code}>
                  {language === 'en' ? c.nameEn : c.nameNl}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="try-moment" label={t('routing.moment')} error={errorFor(errors, 'try-moment')}>
          {(a11y) => (
            <input
              {...a11y}
              type="datetime-local"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={draft.moment}
              onChange={(e) => set('moment', e.target.value)}
            />
          )}
        </FormField>
        <FormField id="try-source" label={t('routing.source')} error={errorFor(errors, 'try-source')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={draft.source}
              onChange={(e) => set('source', e.target.value)}
            >
              {sources.map((source) => (
                <option key={source} value={source}>
                  {t(`source.${source}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {editedRules ? (
          <FormField id="try-edited" label={t('routing.useEdited')} kind="checkbox">
            {(a11y) => (
              <input
                {...a11y}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={draft.useEdited}
                onChange={(e) => set('useEdited', e.target.checked)}
              />
            )}
          </FormField>
        ) : null}
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('routing.try')}
          </button>
        </div>
      </form>
      <div role="status">
        {result ? (
          <div className="wp-routing-result" id="try-result">
            <p className="utrecht-paragraph">
              <strong>{t('routing.decision', { name: result.decision.holder.name })}</strong>
            </p>
            <p className="utrecht-paragraph">
              {language === 'en' ? result.decision.reasonEn : result.decision.reasonNl}
            </p>
            <p className="utrecht-paragraph">
              {t('routing.district', { name: result.district.name, deadline: formatShort(result.deadline) })}
              <br />
              {t('routing.rule', { rule: result.decision.rule })}
            </p>
            <h3 className="utrecht-heading-3">{t('routing.chain')}</h3>
            <ol className="utrecht-ordered-list" id="try-chain">
              {result.chain.map((step, index) => (
                <li className="utrecht-ordered-list__item" key={index}>
                  {language === 'en' ? step.en : step.nl}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
      </div>
    </section>
  );
}
