import { useEffect, useState } from 'react';

export type ViewState<T> = { status: 'loading' } | { status: 'loaded'; data: T } | { status: 'failed' };

type Settled<T> = { key: string } & ({ status: 'loaded'; data: T } | { status: 'failed' });

/**
 * Loads one analysis view; a newer filter aborts the older request, and an answer for other filters
 * than the current ones reads as "loading", so the screen never shows stale data.
 */
export function useView<T>(load: (signal: AbortSignal) => Promise<T>, key: string): ViewState<T> {
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    load(abort.signal)
      .then((data) => setSettled({ key, status: 'loaded', data }))
      .catch(() => {
        if (!abort.signal.aborted) setSettled({ key, status: 'failed' });
      });
    return () => abort.abort();
    // `key` stands for the filters `load` closes over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!settled || settled.key !== key) return { status: 'loading' };
  return settled.status === 'loaded' ? { status: 'loaded', data: settled.data } : { status: 'failed' };
}
