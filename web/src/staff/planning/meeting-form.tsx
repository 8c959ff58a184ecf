import { useState, type FormEvent } from 'react';
import type { Meeting, Officer } from '../../api/contract.ts';
import { createMeeting } from '../../api/staff-people.ts';
import { ErrorSummary, type FormError } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';
import { problemsOf } from '../admin/admin-kit.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

/** A wijkraad meeting of one of the officer's own districts (owner or backup); residents see it on the district page. */
export function MeetingForm({
  officer,
  meetings,
  onSaved,
}: {
  officer: Officer;
  meetings: Meeting[];
  onSaved: () => void;
}) {
  const { t, formatShort } = useStaffI18n();
  const [districtCode, setDistrictCode] = useState(officer.districts[0]?.code ?? '');
  const [startsAt, setStartsAt] = useState('');
  const [title, setTitle] = useState('');
  const [place, setPlace] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems: FormError[] = [];
    if (!districtCode) problems.push({ fieldId: 'meeting-district', message: t('planning.districtRequired') });
    if (!startsAt) problems.push({ fieldId: 'meeting-start', message: t('planning.startRequired') });
    if (!title.trim()) problems.push({ fieldId: 'meeting-title', message: t('planning.titleRequired') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      await createMeeting({
        districtCode,
        startsAt: new Date(startsAt).toISOString(),
        title,
        ...(place.trim() ? { locationText: place } : {}),
        officerId: officer.id,
      });
      setResult(t('planning.meetingSaved'));
      setTitle('');
      onSaved();
    } catch (error) {
      setErrors(problemsOf(error, 'meeting-district', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  const text = (id: string, label: string, value: string, set: (v: string) => void, optional = false) => (
    <FormField id={id} label={label} error={errorFor(id)} optional={optional}>
      {(a11y) => (
        <input
          {...a11y}
          className="utrecht-textbox utrecht-textbox--html-input"
          maxLength={200}
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <section className="wp-section wp-card" aria-labelledby="meeting-title-heading">
      <h2 className="utrecht-heading-2" id="meeting-title-heading">
        {t('planning.meetingTitle')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        <FormField id="meeting-district" label={t('planning.district')} error={errorFor('meeting-district')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={districtCode}
              onChange={(e) => setDistrictCode(e.target.value)}
            >
              {officer.districts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id="meeting-start" label={t('planning.when')} error={errorFor('meeting-start')}>
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
        {text('meeting-title', t('planning.meetingName'), title, setTitle)}
        {text('meeting-place', t('planning.place'), place, setPlace, true)}
        <div className="wp-actions">
          <button type="submit" id="meeting-save" className="utrecht-button utrecht-button--primary-action">
            {t('planning.saveMeeting')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="meeting-result">
        {result}
      </p>
      <h3 className="utrecht-heading-3">{t('planning.upcoming')}</h3>
      <ul id="my-meetings">
        {meetings.map((m) => (
          <li key={m.id}>
            {formatShort(m.startsAt)}: {m.title}
          </li>
        ))}
      </ul>
    </section>
  );
}
