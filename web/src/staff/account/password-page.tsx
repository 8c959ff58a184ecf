import { useState, type FormEvent } from 'react';
import { changeOwnPassword } from '../../api/staff-admin.ts';
import { ErrorSummary, type FormError } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';
import { PageHeading } from '../../components/page-title.tsx';
import { problemsOf } from '../admin/admin-kit.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

const MIN_LENGTH = 12;

/** Choose your own password; after an administrator created the account or reset it, this comes first. */
export function PasswordPage() {
  const { t } = useStaffI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems: FormError[] = [];
    if (!current) problems.push({ fieldId: 'password-current', message: t('password.currentRequired') });
    if (next.length < MIN_LENGTH)
      problems.push({ fieldId: 'password-new', message: t('password.tooShort', { min: MIN_LENGTH }) });
    if (repeat !== next) problems.push({ fieldId: 'password-repeat', message: t('password.mismatch') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      await changeOwnPassword({ currentPassword: current, newPassword: next });
      setResult(t('password.changed'));
      setCurrent('');
      setNext('');
      setRepeat('');
    } catch (error) {
      setErrors(problemsOf(error, 'password-current', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void, autoComplete: string) => (
    <FormField id={id} label={label} error={errors.find((e) => e.fieldId === id)?.message}>
      {(a11y) => (
        <input
          {...a11y}
          type="password"
          autoComplete={autoComplete}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={value}
          onChange={(e) => set(e.target.value)}
        />
      )}
    </FormField>
  );

  return (
    <>
      <PageHeading>{t('password.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('password.intro', { min: MIN_LENGTH })}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        {field('password-current', t('password.current'), current, setCurrent, 'current-password')}
        {field('password-new', t('password.new'), next, setNext, 'new-password')}
        {field('password-repeat', t('password.repeat'), repeat, setRepeat, 'new-password')}
        <div className="wp-actions">
          <button type="submit" id="password-save" className="utrecht-button utrecht-button--primary-action">
            {t('password.save')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="password-result">
        {result}
      </p>
    </>
  );
}
