import { useState, type FormEvent } from 'react';
import { ApiError, NetworkError } from '../api/client.ts';
import { signIn } from '../api/staff-session.ts';
import { ErrorSummary, type FormError } from '../components/error-summary.tsx';
import { FormField } from '../components/form-field.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { useRouter } from '../router.tsx';
import { homeFor } from '../routes.ts';
import { useSession } from './session.tsx';
import { useStaffI18n } from './staff-i18n.ts';

/** Staff sign-in with e-mail and password; the server sets an httpOnly session cookie. */
export function SignInPage() {
  const { t } = useStaffI18n();
  const { refresh } = useSession();
  const { navigate } = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (!email.trim()) problems.push({ fieldId: 'email', message: t('signIn.emailRequired') });
    if (!password) problems.push({ fieldId: 'password', message: t('signIn.passwordRequired') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    setBusy(true);
    try {
      const { user } = await signIn({ email: email.trim(), password });
      await refresh();
      const back = new URLSearchParams(window.location.search).get('terug');
      navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : homeFor(user));
    } catch (error) {
      const message =
        error instanceof ApiError && error.status === 401
          ? t('signIn.wrong')
          : error instanceof ApiError && error.status === 429
            ? t('signIn.tooMany')
            : error instanceof NetworkError
              ? t('signIn.offline')
              : t('signIn.failed');
      setErrors([{ fieldId: 'email', message }]);
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <>
      <PageHeading>{t('signIn.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('signIn.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        <FormField id="email" label={t('signIn.email')} error={errorFor('email')}>
          {(a11y) => (
            <input
              {...a11y}
              type="email"
              autoComplete="username"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="password" label={t('signIn.password')} error={errorFor('password')}>
          {(a11y) => (
            <input
              {...a11y}
              type="password"
              autoComplete="current-password"
              className="utrecht-textbox utrecht-textbox--html-input"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <div className="wp-actions">
          <button type="submit" id="sign-in" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
