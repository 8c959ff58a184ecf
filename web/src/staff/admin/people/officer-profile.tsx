import { useState, type FormEvent } from 'react';
import type { Officer } from '../../../api/contract.ts';
import { updateProfile, updateSchedule, uploadOfficerPhoto } from '../../../api/staff-admin.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { problemsOf } from '../admin-kit.tsx';
import { WeekdayChoice } from './weekday-choice.tsx';

/** What residents see of an officer (portrait, introduction, phone) and when they work and are in the district. */
export function OfficerProfile({ officer, onSaved }: { officer: Officer; onSaved: () => void }) {
  const { t } = useStaffI18n();
  const [introduction, setIntroduction] = useState(officer.introduction ?? '');
  const [phone, setPhone] = useState(officer.publicPhone ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [working, setWorking] = useState(officer.workingWeekdays);
  const [district, setDistrict] = useState(officer.districtWeekdays);
  const [start, setStart] = useState(officer.workStart);
  const [end, setEnd] = useState(officer.workEnd);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems: FormError[] = [];
    if (district.some((day) => !working.includes(day)))
      problems.push({ fieldId: 'officer-district-days', message: t('admin.officers.districtWithinWork') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      await updateProfile(officer.id, { introduction: introduction || null, publicPhone: phone || null });
      await updateSchedule(officer.id, {
        workingWeekdays: working,
        districtWeekdays: district,
        workStart: start,
        workEnd: end,
      });
      if (file) await uploadOfficerPhoto(officer.id, file);
      setResult(t('admin.saved'));
      onSaved();
    } catch (error) {
      setErrors(problemsOf(error, 'officer-introduction', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <section className="wp-section wp-card" aria-labelledby="officer-title">
      <h2 className="utrecht-heading-2" id="officer-title">
        {officer.name}
      </h2>
      {officer.photoUrl ? (
        <img
          className="wp-officer__avatar"
          id="officer-photo"
          src={officer.photoUrl}
          alt={t('admin.officers.photoOf', { name: officer.name })}
          width={96}
          height={96}
        />
      ) : null}
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        <FormField
          id="officer-photo-file"
          label={t('admin.officers.photo')}
          optional
          description={t('admin.officers.photoHelp')}
        >
          {(a11y) => (
            <input
              {...a11y}
              type="file"
              accept="image/jpeg,image/png"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </FormField>
        <FormField
          id="officer-introduction"
          label={t('admin.officers.introduction')}
          optional
          error={errors.find((e) => e.fieldId === 'officer-introduction')?.message}
        >
          {(a11y) => (
            <textarea
              {...a11y}
              className="utrecht-textarea utrecht-textarea--html-textarea"
              rows={4}
              maxLength={1000}
              value={introduction}
              onChange={(e) => setIntroduction(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="officer-phone" label={t('admin.officers.phone')} optional>
          {(a11y) => (
            <input
              {...a11y}
              type="tel"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
            />
          )}
        </FormField>
        <WeekdayChoice
          id="officer-working-days"
          legend={t('admin.officers.workingDays')}
          value={working}
          onChange={setWorking}
        />
        <WeekdayChoice
          id="officer-district-days"
          legend={t('admin.officers.districtDays')}
          value={district}
          onChange={setDistrict}
        />
        <FormField id="officer-start" label={t('admin.officers.start')}>
          {(a11y) => (
            <input
              {...a11y}
              type="time"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="officer-end" label={t('admin.officers.end')}>
          {(a11y) => (
            <input
              {...a11y}
              type="time"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={end}
              onChange={(e) => setEnd(e.target.value)}
            />
          )}
        </FormField>
        <div className="wp-actions">
          <button type="submit" id="officer-save" className="utrecht-button utrecht-button--primary-action">
            {t('admin.save')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="officer-result">
        {result}
      </p>
    </section>
  );
}
