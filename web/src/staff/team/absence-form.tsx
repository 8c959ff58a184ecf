import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import type { TeamBoard } from '../../api/contract.ts';
import { registerAbsence } from '../../api/staff-people.ts';
import { ErrorSummary, type FormError } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import {
  AbsencePeriodFields,
  absenceKinds,
  absencePeriodProblems,
  type AbsenceKind,
} from './absence-period-fields.tsx';

/** "YYYY-MM-DDTHH:MM" in the browser's zone, for datetime-local inputs. */
function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** An absence; the server re-routes the officer's open reports due during it and says how many. */
export function AbsenceForm({
  officers,
  officerId,
  onOfficerChange,
  onSaved,
}: {
  officers: TeamBoard['officers'];
  officerId: string;
  onOfficerChange: (id: string) => void;
  onSaved: () => void;
}) {
  const { t } = useStaffI18n();
  const [kind, setKind] = useState<AbsenceKind>('sick');
  const [startsAt, setStartsAt] = useState(() => localInput(new Date()));
  const [endsAt, setEndsAt] = useState(() => localInput(new Date(Date.now() + 3 * 86_400_000)));
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (!officerId) problems.push({ fieldId: 'absence-officer', message: t('absenceForm.officerRequired') });
    problems.push(...absencePeriodProblems('absence', startsAt, endsAt, t));
    setErrors(problems);
    setAttempt((n) => n + 1);
    setResult('');
    if (problems.length) return;
    try {
      const body = await registerAbsence(officerId, {
        kind,
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(endsAt).toISOString(),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      const name = officers.find((o) => o.id === officerId)?.name ?? '';
      setResult(
        body.reroutedOverdueReports
          ? t('absenceForm.savedOverdue', { name, count: body.reroutedReports, overdue: body.reroutedOverdueReports })
          : t('absenceForm.saved', { name, count: body.reroutedReports }),
      );
      setNote('');
      onSaved();
    } catch (error) {
      const params = error instanceof ApiError ? error.problem?.invalidParams : undefined;
      setErrors([
        {
          fieldId: 'absence-officer',
          message: params?.length ? params.map((p) => p.reason).join(' ') : t('fieldLog.failed'),
        },
      ]);
      setAttempt((n) => n + 1);
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <section className="wp-section wp-card" aria-labelledby="absence-title">
      <h2 className="utrecht-heading-2" id="absence-title">
        {t('absenceForm.title')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        <FormField id="absence-officer" label={t('team.officer')} error={errorFor('absence-officer')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={officerId}
              onChange={(e) => onOfficerChange(e.target.value)}
            >
              <option value="">{t('detail.choose')}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <AbsencePeriodFields
          idPrefix="absence"
          kinds={absenceKinds}
          kind={kind}
          onKind={setKind}
          startsAt={startsAt}
          onStartsAt={setStartsAt}
          endsAt={endsAt}
          onEndsAt={setEndsAt}
          errorFor={errorFor}
        />
        <FormField id="absence-note" label={t('absenceForm.note')} optional description={t('absenceForm.noteHelp')}>
          {(a11y) => (
            <input
              {...a11y}
              className="utrecht-textbox utrecht-textbox--html-input"
              maxLength={500}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          )}
        </FormField>
        <div className="wp-actions">
          <button type="submit" id="absence-save" className="utrecht-button utrecht-button--primary-action">
            {t('absenceForm.save')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="absence-result">
        {result}
      </p>
    </section>
  );
}
