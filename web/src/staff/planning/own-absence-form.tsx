import { useState, type FormEvent } from 'react';
import type { Absence } from '../../api/contract.ts';
import { cancelAbsence, registerAbsence } from '../../api/staff-people.ts';
import { ErrorSummary, type FormError } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';
import { problemsOf } from '../admin/admin-kit.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

const kinds = ['leave', 'sick', 'training', 'other'] as const;

/** An officer registers their own absence; their open reports due during it go to a colleague. */
export function OwnAbsenceForm({
  officerId,
  absences,
  onChanged,
}: {
  officerId: string;
  absences: Absence[];
  onChanged: () => void;
}) {
  const { t, formatShort } = useStaffI18n();
  const [kind, setKind] = useState<(typeof kinds)[number]>('leave');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems: FormError[] = [];
    if (!startsAt) problems.push({ fieldId: 'my-absence-start', message: t('absenceForm.startRequired') });
    if (!endsAt || (startsAt && new Date(endsAt) <= new Date(startsAt)))
      problems.push({ fieldId: 'my-absence-end', message: t('absenceForm.endAfterStart') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      const body = await registerAbsence(officerId, {
        kind,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
      });
      setResult(t('planning.absenceSaved', { count: body.reroutedReports }));
      onChanged();
    } catch (error) {
      setErrors(problemsOf(error, 'my-absence-start', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const current = absences.filter((a) => !a.cancelledAt);

  return (
    <section className="wp-section wp-card" aria-labelledby="my-absence-title">
      <h2 className="utrecht-heading-2" id="my-absence-title">
        {t('absenceForm.title')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        <FormField id="my-absence-kind" label={t('absenceForm.kind')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={kind}
              onChange={(e) => setKind(e.target.value as typeof kind)}
            >
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`absence.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="my-absence-start" label={t('absenceForm.start')} error={errorFor('my-absence-start')}>
          {(a11y) => (
            <input
              {...a11y}
              type="datetime-local"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="my-absence-end" label={t('absenceForm.end')} error={errorFor('my-absence-end')}>
          {(a11y) => (
            <input
              {...a11y}
              type="datetime-local"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={endsAt}
              onChange={(e) => setEndsAt(e.target.value)}
            />
          )}
        </FormField>
        <div className="wp-actions">
          <button type="submit" id="my-absence-save" className="utrecht-button utrecht-button--primary-action">
            {t('absenceForm.save')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="my-absence-result">
        {result}
      </p>
      <h3 className="utrecht-heading-3">{t('planning.myAbsences')}</h3>
      {current.length === 0 ? <p className="utrecht-paragraph">{t('planning.noAbsences')}</p> : null}
      <ul id="my-absences">
        {current.map((absence) => (
          <li key={absence.id}>
            {t(`absence.${absence.kind}`)}: {formatShort(absence.startsAt)} – {formatShort(absence.endsAt)}{' '}
            <button
              type="button"
              className="utrecht-button utrecht-button--subtle"
              onClick={() => void cancelAbsence(absence.id).then(onChanged)}
            >
              {t('planning.cancelAbsence', { from: formatShort(absence.startsAt) })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
