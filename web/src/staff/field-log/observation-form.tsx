import { useEffect, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { categoryTree } from '../../api/resident.ts';
import { addObservationPhotos, logObservation } from '../../api/staff-fieldwork.ts';
import { toCategoryGroups, type CategoryGroup, type LonLat } from '../../api/types.ts';
import { CategoryPicker } from '../../components/category-picker.tsx';
import { FormField } from '../../components/form-field.tsx';
import { useUiConfig } from '../../ui-config.tsx';
import { ReportMap } from '../map/report-map.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

/** Nuisance the officer sees, reported or not: category, place (GPS or a tap), an optional note and photo. */
export function ObservationForm() {
  const { t } = useStaffI18n();
  const { config } = useUiConfig();
  const [groups, setGroups] = useState<CategoryGroup[] | null>(null);
  const [category, setCategory] = useState('');
  const [point, setPoint] = useState<LonLat | null>(null);
  const [note, setNote] = useState('');
  const [photo, setPhoto] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    categoryTree(config.municipalityCode)
      .then((body) => setGroups(toCategoryGroups(body)))
      .catch(() => setGroups([]));
  }, [config.municipalityCode]);

  const gps = () =>
    navigator.geolocation?.getCurrentPosition(
      (position) => setPoint([position.coords.longitude, position.coords.latitude]),
      () => setMessage(t('observation.gpsFailed')),
      { enableHighAccuracy: true, timeout: 15_000 },
    );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!category) problems.category = t('intake.categoryRequired');
    if (!point) problems['observation-map'] = t('observation.placeRequired');
    setErrors(problems);
    const first = Object.keys(problems)[0];
    if (first || !point) {
      if (first) document.getElementById(first)?.focus();
      return;
    }
    try {
      const observation = await logObservation({
        categoryCode: category,
        location: { type: 'Point', coordinates: point },
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      if (photo) {
        const form = new FormData();
        form.append('photo', photo, photo.name);
        await addObservationPhotos(observation.id, form).catch(() => setMessage(t('observation.photoFailed')));
      }
      setMessage(t('observation.saved'));
      setCategory('');
      setPoint(null);
      setNote('');
      setPhoto(null);
      setFormKey((n) => n + 1);
    } catch (failure) {
      setMessage(
        failure instanceof ApiError && failure.problem?.detail ? failure.problem.detail : t('fieldLog.failed'),
      );
    }
  };

  return (
    <form
      noValidate
      onSubmit={submit}
      className="wp-section wp-card wp-stack"
      aria-labelledby="observation-title"
      key={formKey}
    >
      <h2 className="utrecht-heading-2" id="observation-title">
        {t('observation.title')}
      </h2>
      <CategoryPicker groups={groups} failed={false} value={category} onChange={setCategory} error={errors.category} />
      <div className="wp-actions">
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={gps}>
          {t('intake.useGps')}
        </button>
      </div>
      <p className="utrecht-paragraph wp-map-note" id="observation-map-help">
        {t('observation.mapHelp')}
      </p>
      {errors['observation-map'] ? (
        <p className="utrecht-form-field-error-message" id="observation-map-error">
          {errors['observation-map']}
        </p>
      ) : null}
      <ReportMap
        id="observation-map"
        label={t('observation.mapLabel')}
        reports={[]}
        pin={point}
        onPick={setPoint}
        describedBy={errors['observation-map'] ? 'observation-map-help observation-map-error' : 'observation-map-help'}
      />
      <FormField id="observation-note" label={t('observation.note')} optional>
        {(a11y) => (
          <textarea
            {...a11y}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="observation-photo" label={t('observation.photo')} optional>
        {(a11y) => (
          <input
            {...a11y}
            type="file"
            accept="image/jpeg,image/png"
            className="utrecht-textbox utrecht-textbox--html-input"
            onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      <div className="wp-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action">
          {t('observation.save')}
        </button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
