import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, NetworkError } from '../api/client.ts';
import { signIn } from '../api/staff-session.ts';
import { ErrorSummary, type FormError } from '../components/error-summary.tsx';
import { FormField } from '../components/form-field.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { useRouter } from '../router.tsx';
import { homeFor } from '../routes.ts';
import { useUiConfig } from '../ui-config.tsx';
import { useSession } from './session.tsx';
import { useStaffI18n } from './staff-i18n.ts';

/** Where to go once signed in: back where the user was sent from (a path of ours only), else the role's home. */
function nextPath(user: Parameters<typeof homeFor>[0]): string {
  const back = new URLSearchParams(window.location.search).get('terug');
  return back && back.startsWith('/') && !back.startsWith('//') ? back : homeFor(user);
}

/**
 * Staff sign-in: single sign-on through the municipality's identity provider when configured (the server's
 * redirect comes back here signed in), and e-mail and password unless switched off. Either way the server sets
 * an httpOnly session cookie.
 */
export function SignInPage() {
  const { t } = useStaffI18n();
  const { state, refresh } = useSession();
  const { navigate } = useRouter();
  const { config } = useUiConfig();
  const signedInUser = state.status === 'signed-in' ? state.user : null;
  useEffect(() => {
    if (signedInUser) navigate(nextPath(signedInUser));
  }, [signedInUser, navigate]);
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
      navigate(nextPath(user));
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
      {config.singleSignOn && (
        <div className="wp-stack">
          <p className="utrecht-paragraph">{t('signIn.ssoIntro')}</p>
          <div className="wp-actions">
            <a
              id="sign-in-sso"
              href={config.singleSignOn.url}
              className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
            >
              {t('signIn.sso', { name: config.singleSignOn.providerName })}
            </a>
          </div>
        </div>
      )}
      {config.passwordSignIn && passwordForm()}
    </>
  );

  function passwordForm() {
    return (
      <>
        {config.singleSignOn && <h2 className="utrecht-heading-2">{t('signIn.orPassword')}</h2>}
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
            <button
              type="submit"
              id="sign-in"
              className="utrecht-button utrecht-button--primary-action"
              disabled={busy}
            >
              {busy ? t('signIn.busy') : t('signIn.submit')}
            </button>
          </div>
        </form>
      </>
    );
  }
}
