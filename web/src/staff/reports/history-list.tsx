import type { HistoryEntry } from '../../api/contract.ts';
import { useStaffI18n, type StaffTranslate } from '../staff-i18n.ts';

const historyActions = [
  'created',
  'assigned',
  'rerouted',
  'forwarded',
  'note',
  'photos_added',
  'contact_erased',
] as const;
const historyKey = (action: string) =>
  `history.${(historyActions as readonly string[]).includes(action) ? (action as (typeof historyActions)[number]) : 'other'}` as const;

const nameIn = (value: unknown): string =>
  typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' ? value.name : '';

/** One line of the history; a partner's accept and send-back name the organisation (and whom it went back to). */
function describe(entry: HistoryEntry, t: StaffTranslate): string {
  if (entry.action === 'accepted') return t('history.accepted', { organisation: nameIn(entry.data.by) });
  if (entry.action === 'sent_back')
    return t('history.sentBack', { organisation: nameIn(entry.data.from), to: nameIn(entry.data.to) });
  return entry.toStatus ? t('history.status', { to: t(`status.${entry.toStatus}`) }) : t(historyKey(entry.action));
}

/** A report's history, oldest first: when, who, what, and the text that came with it. */
export function HistoryList({ history }: { history: HistoryEntry[] }) {
  const { t, formatDateTime } = useStaffI18n();
  return (
    <section className="wp-section" aria-labelledby="history-title">
      <h2 className="utrecht-heading-2" id="history-title">
        {t('detail.history')}
      </h2>
      <ol className="wp-history">
        {history.map((entry, index) => (
          <li key={index}>
            <span className="wp-history__when">{formatDateTime(entry.at)}</span> · {entry.actor.label}:{' '}
            {describe(entry, t)}
            {entry.text ? <q className="wp-history__text">{entry.text}</q> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
