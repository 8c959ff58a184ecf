import { useState, type FormEvent } from 'react';
import type { Officer } from '../../api/contract.ts';
import { setDistrictDays } from '../../api/staff-people.ts';
import { ErrorSummary, type FormError } from '../../components/error-summary.tsx';
import { problemsOf } from '../admin/admin-kit.tsx';
import { WeekdayChoice } from '../admin/people/weekday-choice.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

/** An officer's own district days, chosen among the working days the planner set. */
export function DistrictDaysForm({ officer, onSaved }: { officer: Officer; onSaved: () => void }) {
  const { t } = useStaffI18n();
  const [days, setDays] = useState(officer.districtWeekdays);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems = days.length ? [] : [{ fieldId: 'my-district-days', message: t('planning.daysRequired') }];
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      await setDistrictDays(officer.id, days);
      setResult(t('admin.saved'));
      onSaved();
    } catch (error) {
      setErrors(problemsOf(error, 'my-district-days', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  return (
    <section className="wp-section wp-card" aria-labelledby="my-days-title">
      <h2 className="utrecht-heading-2" id="my-days-title">
        {t('planning.daysTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('planning.daysIntro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        <WeekdayChoice
          id="my-district-days"
          legend={t('admin.officers.districtDays')}
          value={days}
          onChange={setDays}
          allowed={officer.workingWeekdays}
        />
        <div className="wp-actions">
          <button type="submit" id="my-days-save" className="utrecht-button utrecht-button--primary-action">
            {t('admin.save')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="my-days-result">
        {result}
      </p>
    </section>
  );
}
