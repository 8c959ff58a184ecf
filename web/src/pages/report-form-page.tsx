import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client.ts';
import type { NearbyPublicReport } from '../api/contract.ts';
import { categoryTree } from '../api/resident.ts';
import { toCategoryGroups, type CategoryGroup } from '../api/types.ts';
import { CategoryPicker } from '../components/category-picker.tsx';
import { DuplicateHint } from '../components/duplicate-hint.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { FormField } from '../components/form-field.tsx';
import { LocationPicker } from '../components/location-picker.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { PhotoPicker } from '../components/photo-picker.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useRouter } from '../router.tsx';
import { useUiConfig } from '../ui-config.tsx';
import {
  emptyDraft,
  reportBody,
  saveConfirmation,
  serverFieldErrors,
  summaryOf,
  validateDraft,
  type FieldErrors,
  type ReportDraft,
} from './report-form-model.ts';
import { IdempotencyKeys, sendPhotos, sendReport } from './submit-report.ts';

export function ReportFormPage() {
  const { t, language } = useI18n();
  const { config } = useUiConfig();
  const { navigate } = useRouter();
  const [draft, setDraft] = useState<ReportDraft>(emptyDraft);
  const [groups, setGroups] = useState<CategoryGroup[] | null>(null);
  const [categoriesFailed, setCategoriesFailed] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [phase, setPhase] = useState<'editing' | 'sending' | 'photos'>('editing');
  // The duplicate hint's open reports nearby, also drawn as pins on the location map.
  const [nearby, setNearby] = useState<NearbyPublicReport[]>([]);
  const nearbyPins = useMemo(
    () =>
      nearby.map((item) => ({
        id: item.publicId,
        point: item.location.coordinates as [number, number],
        label: language === 'en' ? item.category.nameEn : item.category.nameNl,
      })),
    [nearby, language],
  );
  const sending = useRef(false);
  const keys = useRef(new IdempotencyKeys());
  const maxDescription = config.descriptionMaxLength;

  useEffect(() => {
    categoryTree(config.municipalityCode)
      .then((body) => setGroups(toCategoryGroups(body)))
      .catch(() => setCategoriesFailed(true));
  }, [config.municipalityCode]);

  const update = <K extends keyof ReportDraft>(key: K, value: ReportDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return; // a double click sends once
    const problems = validateDraft(draft, t, maxDescription, config.municipalityName);
    if (Object.keys(problems).length) return fail(problems);
    sending.current = true;
    setPhase('sending');
    try {
      const report = await sendReport(reportBody(draft, language), keys.current);
      setPhase('photos');
      const photos = draft.photos.length ? await sendPhotos(report.trackingCode, draft.photos) : { sent: 0, failed: 0 };
      saveConfirmation({ report, photos });
      navigate(`/melden/bedankt/${encodeURIComponent(report.trackingCode)}`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 400 && failure.problem?.invalidParams?.length) {
        fail(serverFieldErrors(failure.problem.invalidParams, t, maxDescription));
      } else if (
        failure instanceof ApiError &&
        failure.status === 422 &&
        failure.problem?.code === 'outside_municipality'
      ) {
        fail({ location: t('location.outsideError', { municipality: config.municipalityName }) });
      } else {
        fail({ submit: t('form.sendFailed') });
      }
    } finally {
      sending.current = false;
      setPhase('editing');
    }
  };

  const descriptionLength = draft.description.length;
  return (
    <>
      <PageHeading>{t('form.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('form.intro')}</p>
      <ErrorSummary errors={summaryOf(errors)} attempt={attempt} />
      <form className="utrecht-form" noValidate onSubmit={submit} aria-busy={phase !== 'editing'} lang={language}>
        <CategoryPicker
          groups={groups}
          failed={categoriesFailed}
          value={draft.category}
          onChange={(code) => update('category', code)}
          error={errors.category}
        />
        <LocationPicker
          nearby={nearbyPins}
          value={draft.location}
          onChange={(location) => update('location', location)}
          error={errors.location}
        />
        <DuplicateHint
          category={draft.category}
          point={draft.location.locate.status === 'outside' ? null : draft.location.point}
          email={draft.email}
          onItems={setNearby}
        />
        <section className="wp-section" aria-labelledby="description-heading">
          <h2 className="utrecht-heading-2" id="description-heading">
            {t('description.heading')}
          </h2>
          <FormField
            id="description"
            label={t('description.label')}
            description={t('description.description')}
            error={errors.description}
            describedBy={['description-counter']}
          >
            {(a11y) => (
              <textarea
                {...a11y}
                className={`utrecht-textarea utrecht-textarea--html-textarea${errors.description ? ' utrecht-textarea--invalid' : ''}`}
                rows={6}
                value={draft.description}
                onChange={(event) => update('description', event.target.value)}
              />
            )}
          </FormField>
          <p
            id="description-counter"
            className={`wp-counter${descriptionLength > maxDescription ? ' wp-counter--over' : ''}`}
          >
            {t('description.counter', { count: descriptionLength, max: maxDescription })}
          </p>
          <PhotoPicker
            photos={draft.photos}
            onChange={(photos) => update('photos', photos)}
            maxCount={config.photoMaxCount}
            maxBytes={config.photoMaxBytes}
            error={errors.photos}
          />
        </section>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wp-section">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            <h2 className="utrecht-heading-2">
              {t('contact.legend')} <span className="wp-optional">{t('form.optional')}</span>
            </h2>
          </legend>
          <p className="utrecht-paragraph">{t('contact.intro')}</p>
          <FormField id="email" label={t('contact.email')} optional error={errors.email}>
            {(a11y) => (
              <input
                {...a11y}
                type="email"
                inputMode="email"
                autoComplete="email"
                className={`utrecht-textbox utrecht-textbox--html-input${errors.email ? ' utrecht-textbox--invalid' : ''}`}
                value={draft.email}
                onChange={(event) => update('email', event.target.value)}
              />
            )}
          </FormField>
          <FormField id="phone" label={t('contact.phone')} optional error={errors.phone}>
            {(a11y) => (
              <input
                {...a11y}
                type="tel"
                autoComplete="tel"
                className={`utrecht-textbox utrecht-textbox--html-input utrecht-textbox--tel-size${errors.phone ? ' utrecht-textbox--invalid' : ''}`}
                value={draft.phone}
                onChange={(event) => update('phone', event.target.value)}
              />
            )}
          </FormField>
          <FormField id="consent" kind="checkbox" label={t('contact.consent')} optional>
            {(a11y) => (
              <input
                {...a11y}
                type="checkbox"
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={draft.consent}
                onChange={(event) => update('consent', event.target.checked)}
              />
            )}
          </FormField>
        </fieldset>
        <p className="utrecht-paragraph" role="status" aria-live="polite">
          {phase === 'sending' ? t('form.submitting') : phase === 'photos' ? t('confirmation.photosSending') : ''}
        </p>
        <button
          id="submit-report"
          type="submit"
          className="utrecht-button utrecht-button--primary-action utrecht-button--submit"
          aria-disabled={phase !== 'editing'}
        >
          {phase === 'editing' ? t('form.submit') : t('form.submitting')}
        </button>
      </form>
    </>
  );
}
