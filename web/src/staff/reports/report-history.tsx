import type { HistoryEntry } from '../../api/contract.ts';
import { Link } from '../../router.tsx';
import { useStaffI18n, type StaffTranslate } from '../staff-i18n.ts';

const namedActions = [
  'created',
  'assigned',
  'rerouted',
  'forwarded',
  'note',
  'photos_added',
  'contact_erased',
  'contact_expired',
  'photos_expired',
  'feedback',
  'answer',
  'duplicate_of',
  'duplicate_linked',
] as const;
const actionKey = (action: string) =>
  `history.${(namedActions as readonly string[]).includes(action) ? (action as (typeof namedActions)[number]) : 'other'}` as const;
const toHolder = {
  assigned: 'history.assignedTo',
  forwarded: 'history.forwardedTo',
  rerouted: 'history.reroutedTo',
} as const;

const nameIn = (value: unknown): string =>
  typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' ? value.name : '';

/**
 * What happened, in words: a note is a note, an assignment names its new holder, a status change its status; a
 * partner's accept and send-back name the organisation (and whom it went back to).
 */
function describe(entry: HistoryEntry, t: StaffTranslate): string {
  if (entry.action === 'accepted') return t('history.accepted', { organisation: nameIn(entry.data.by) });
  if (entry.action === 'sent_back')
    return t('history.sentBack', { organisation: nameIn(entry.data.from), to: nameIn(entry.data.to) });
  const status = entry.toStatus ? t('history.statusChanged', { to: t(`status.${entry.toStatus}`) }) : null;
  if (entry.action === 'status_changed') return status ?? t('history.other');
  const holderKey = toHolder[entry.action as keyof typeof toHolder];
  const what = holderKey && entry.holder ? t(holderKey, { name: entry.holder.name }) : t(actionKey(entry.action));
  // An assignment that changed the status too (a forward) says both; a creation or a duplicate says enough itself.
  return status && holderKey ? `${what}; ${status}` : what;
}

function linkedReport(entry: HistoryEntry): { id: string; main: boolean } | null {
  const pick = (key: 'main' | 'duplicate') => {
    const value = entry.data[key] as { id?: unknown } | undefined;
    return typeof value?.id === 'string' ? value.id : null;
  };
  if (entry.action === 'duplicate_of' && pick('main')) return { id: pick('main')!, main: true };
  if (entry.action === 'duplicate_linked' && pick('duplicate')) return { id: pick('duplicate')!, main: false };
  return null;
}

export function ReportHistory({ history }: { history: HistoryEntry[] }) {
  const { t, formatDateTime } = useStaffI18n();
  return (
    <section className="wp-section" aria-labelledby="history-title">
      <h2 className="utrecht-heading-2" id="history-title">
        {t('detail.history')}
      </h2>
      <ol className="wp-history" id="report-history">
        {history.map((entry, index) => {
          const linked = linkedReport(entry);
          return (
            <li key={index}>
              <span className="wp-history__when">{formatDateTime(entry.at)}</span> ·{' '}
              {entry.actor.kind === 'reporter' ? t('history.reporter') : entry.actor.label}: {describe(entry, t)}
              {linked ? (
                <>
                  {' '}
                  (
                  <Link to={`/werk/melding/${linked.id}`}>
                    {t(linked.main ? 'history.openMain' : 'history.openDuplicate')}
                  </Link>
                  )
                </>
              ) : null}
              {entry.text ? <q className="wp-history__text">{entry.text}</q> : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
