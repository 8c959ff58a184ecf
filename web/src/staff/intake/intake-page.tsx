import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import type { CreatedReport } from '../../api/contract.ts';
import { categoryTree } from '../../api/resident.ts';
import { toCategoryGroups, type CategoryGroup } from '../../api/types.ts';
import { CategoryPicker } from '../../components/category-picker.tsx';
import { ErrorSummary, type FormError } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';
import { PageHeading } from '../../components/page-title.tsx';
import { IdempotencyKeys, sendReport } from '../../pages/submit-report.ts';
import { useUiConfig } from '../../ui-config.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { emptyDraft, intakeBody, intakeProblems, type IntakeDraft } from './intake-model.ts';
import { IntakeLocation } from './intake-location.tsx';
import { IntakeResult } from './intake-result.tsx';

/**
 * A report taken on someone's behalf: by the contact centre on the phone (source phone), or by an
 * officer in the street (source street). Made for speed: place, category, text, caller, send.
 */
export function IntakePage({ source }: { source: 'phone' | 'street' }) {
  const { t } = useStaffI18n();
  const { config } = useUiConfig();
  const [draft, setDraft] = useState<IntakeDraft>(emptyDraft);
  const [groups, setGroups] = useState<CategoryGroup[] | null>(null);
  const [groupsFailed, setGroupsFailed] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedReport | null>(null);
  const [formKey, setFormKey] = useState(0);
  const keys = useRef(new IdempotencyKeys());

  useEffect(() => {
    categoryTree(config.municipalityCode)
      .then((body) => setGroups(toCategoryGroups(body)))
      .catch(() => setGroupsFailed(true));
  }, [config.municipalityCode]);

  const update = <K extends keyof IntakeDraft>(key: K, value: IntakeDraft[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = intakeProblems(draft, t);
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length || !draft.point) return;
    setBusy(true);
    try {
      setCreated(await sendReport(intakeBody({ ...draft, point: draft.point }, source), keys.current));
    } catch (error) {
      const reasons = error instanceof ApiError ? error.problem?.invalidParams?.map((p) => p.reason) : undefined;
      setErrors([
        { fieldId: 'intake-description', message: reasons?.length ? reasons.join(' ') : t('intake.sendFailed') },
      ]);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const next = () => {
    // A new caller is a new report, even with the very same text and place: a kept key would replay the last one.
    keys.current = new IdempotencyKeys();
    setCreated(null);
    setDraft(emptyDraft);
    setErrors([]);
    setFormKey((n) => n + 1);
  };

  // The next caller starts at the address: focus it once the fresh form is shown.
  useEffect(() => {
    if (formKey > 0) document.getElementById('intake-address')?.focus();
  }, [formKey]);

  return (
    <>
      <PageHeading>{source === 'phone' ? t('intake.phoneTitle') : t('intake.streetTitle')}</PageHeading>
      <p className="utrecht-paragraph">{source === 'phone' ? t('intake.phoneIntro') : t('intake.streetIntro')}</p>
      {created ? <IntakeResult report={created} onNext={next} /> : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} key={formKey} className="wp-stack" hidden={created !== null}>
        <IntakeLocation
          value={draft}
          onChange={(place) => setDraft((previous) => ({ ...previous, ...place }))}
          error={errorFor('intake-address')}
          withGps={source === 'street'}
        />
        <CategoryPicker
          groups={groups}
          failed={groupsFailed}
          value={draft.category}
          onChange={(code) => update('category', code)}
          error={errorFor('category')}
        />
        <FormField id="intake-description" label={t('intake.description')} error={errorFor('intake-description')}>
          {(a11y) => (
            <textarea
              {...a11y}
              className="utrecht-textarea utrecht-textarea--html-textarea"
              rows={3}
              maxLength={config.descriptionMaxLength}
              value={draft.description}
              onChange={(e) => update('description', e.target.value)}
            />
          )}
        </FormField>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wp-section">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            <h2 className="utrecht-heading-2">
              {source === 'phone' ? t('intake.callerLegend') : t('intake.residentLegend')}
            </h2>
          </legend>
          <FormField id="intake-phone" label={t('intake.phone')} optional error={errorFor('intake-phone')}>
            {(a11y) => (
              <input
                {...a11y}
                type="tel"
                autoComplete="off"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={draft.phone}
                onChange={(e) => update('phone', e.target.value)}
              />
            )}
          </FormField>
          <FormField id="intake-email" label={t('intake.email')} optional error={errorFor('intake-email')}>
            {(a11y) => (
              <input
                {...a11y}
                type="email"
                autoComplete="off"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={draft.email}
                onChange={(e) => update('email', e.target.value)}
              />
            )}
          </FormField>
          <FormField id="intake-consent" label={t('intake.consent')} kind="checkbox" optional>
            {(a11y) => (
              <input
                {...a11y}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={draft.consent}
                onChange={(e) => update('consent', e.target.checked)}
              />
            )}
          </FormField>
        </fieldset>
        <div className="wp-actions">
          <button
            type="submit"
            id="intake-submit"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy}
          >
            {busy ? t('intake.sending') : t('intake.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
