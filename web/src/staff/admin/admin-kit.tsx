import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { FormError } from '../../components/error-summary.tsx';
import { Link } from '../../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'failed' };

/** Loads once and again on `reload()`, e.g. after a change was saved. */
export function useLoad<T>(load: () => Promise<T>): [Loaded<T>, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    load()
      .then((data) => current && setState({ status: 'loaded', data }))
      .catch(() => current && setState({ status: 'failed' }));
    return () => {
      current = false;
    };
    // `load` is a fresh closure each render; `round` says when to call it again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [round]);
  return [state, useCallback(() => setRound((n) => n + 1), [])];
}

/** The server's field problems as form errors on one field (the server names the fields, not the inputs). */
export function problemsOf(error: unknown, fieldId: string, fallback: string): FormError[] {
  const problem = error instanceof ApiError ? error.problem : null;
  const reasons = problem?.invalidParams?.map((p) => `${p.name}: ${p.reason}`) ?? [];
  return [{ fieldId, message: reasons.length ? reasons.join(' ') : (problem?.detail ?? fallback) }];
}

/** ISO weekdays 1–7 named in the UI's language (1 January 2024 was a Monday). */
export function weekdayName(locale: string, day: number): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, day)));
}
export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;

export function LoadState({ state }: { state: Loaded<unknown> }) {
  const { t } = useStaffI18n();
  if (state.status === 'loading')
    return (
      <p className="utrecht-paragraph" role="status">
        {t('shell.loading')}
      </p>
    );
  if (state.status === 'failed')
    return (
      <p className="utrecht-paragraph" role="alert">
        {t('admin.loadFailed')}
      </p>
    );
  return null;
}

export function BackToAdmin() {
  const { t } = useStaffI18n();
  return (
    <p className="utrecht-paragraph">
      <Link to="/beheer">{t('admin.back')}</Link>
    </p>
  );
}
