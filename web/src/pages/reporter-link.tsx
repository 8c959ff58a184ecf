import { useEffect, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

/** What a reporter-link page has loaded: its data, or why not (a bad link, an expired one, no answer). */
export type LinkState<T> =
  | { status: 'loading' }
  | { status: 'loaded'; data: T }
  | { status: 'invalid' }
  | { status: 'expired' }
  | { status: 'failed' };

export function linkStateOf(failure: unknown): 'invalid' | 'expired' | 'failed' {
  if (failure instanceof ApiError && failure.status === 410) return 'expired';
  if (failure instanceof ApiError && (failure.status === 404 || failure.status === 400)) return 'invalid';
  return 'failed';
}

/** Loads what the page behind a reporter link shows; `load` is a stable module function. */
export function useReporterLink<T>(token: string, load: (token: string, signal: AbortSignal) => Promise<T>) {
  const [state, setState] = useState<LinkState<T>>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- back to the waiting state when the token changes, before this effect's fetch
    setState({ status: 'loading' });
    load(token, abort.signal)
      .then((data) => setState({ status: 'loaded', data }))
      .catch((failure: unknown) => {
        if (!abort.signal.aborted) setState({ status: linkStateOf(failure) });
      });
    return () => abort.abort();
  }, [token, load]);
  return state;
}

/** The loading line or the alert for a link that cannot be used; null once loaded. */
export function LinkStatus({ state }: { state: LinkState<unknown> }) {
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <p className="utrecht-paragraph" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (state.status === 'loaded') return null;
  const message = { invalid: t('link.invalid'), expired: t('link.expired'), failed: t('link.failed') }[state.status];
  return (
    <div className={`utrecht-alert utrecht-alert--${state.status === 'failed' ? 'error' : 'warning'}`} role="alert">
      <p className="utrecht-paragraph">{message}</p>
    </div>
  );
}

/** Which report the link is about: its tracking code (to the status page) and subject. No personal data. */
export function LinkedReport({ trackingCode, categoryName }: { trackingCode: string; categoryName: string }) {
  const { t } = useI18n();
  return (
    <dl className="wp-data-list">
      <dt>{t('status.code')}</dt>
      <dd>
        <strong className="wp-code">{trackingCode}</strong>
      </dd>
      <dt>{t('status.category')}</dt>
      <dd>{categoryName}</dd>
    </dl>
  );
}

export function StatusPageLink({ trackingCode }: { trackingCode: string }) {
  const { t } = useI18n();
  return (
    <p className="utrecht-paragraph">
      <Link to={`/melding/${encodeURIComponent(trackingCode)}`}>{t('link.statusLink')}</Link>
    </p>
  );
}

/** A text the municipality wrote for the reporter, with its date. */
export function ReporterText({ title, text, at }: { title: string; text: string; at: string }) {
  const { t, formatDateTime } = useI18n();
  return (
    <section className="wp-section" aria-labelledby="reporter-text-title">
      <h2 className="utrecht-heading-2" id="reporter-text-title">
        {title}
      </h2>
      <blockquote className="utrecht-blockquote">
        <p className="utrecht-paragraph wp-preserve-lines">{text}</p>
      </blockquote>
      <p className="utrecht-paragraph">{t('status.reporterTextAt', { date: formatDateTime(at) })}</p>
    </section>
  );
}
