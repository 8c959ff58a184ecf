import { useState, type FormEvent } from 'react';
import type { Absence } from '../../api/contract.ts';
import { cancelAbsence, registerAbsence } from '../../api/staff-people.ts';
import { ErrorSummary, type FormError } from '../../components/error-summary.tsx';
import { problemsOf } from '../admin/admin-kit.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { AbsencePeriodFields, absencePeriodProblems, type AbsenceKind } from '../team/absence-period-fields.tsx';

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
  const [kind, setKind] = useState<AbsenceKind>('leave');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems = absencePeriodProblems('my-absence', startsAt, endsAt, t);
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
        <AbsencePeriodFields
          idPrefix="my-absence"
          kinds={kinds}
          kind={kind}
          onKind={setKind}
          startsAt={startsAt}
          onStartsAt={setStartsAt}
          endsAt={endsAt}
          onEndsAt={setEndsAt}
          errorFor={errorFor}
        />
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
