import { useEffect, useState } from 'react';
import { PageHeading } from '../../../components/page-title.tsx';
import { Link } from '../../../router.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { BackToAdmin, LoadState, useLoad } from '../admin-kit.tsx';
import { getOutboxStatus, listFailedDeliveries, type FailedDelivery } from '../../../api/staff-admin-extras.ts';

/** The outbox: whether mail goes out, the backlog, and the deliveries given up on. */
export function MessagesPage() {
  const { t, formatShort } = useStaffI18n();
  const [status] = useLoad(getOutboxStatus);
  return (
    <>
      <BackToAdmin />
      <PageHeading>{t('messages.title')}</PageHeading>
      <section className="wp-section wp-card" aria-labelledby="outbox-status-title">
        <h2 className="utrecht-heading-2" id="outbox-status-title">
          {t('messages.status')}
        </h2>
        <LoadState state={status} />
        {status.status === 'loaded' ? (
          <div id="outbox-status">
            <p className="utrecht-paragraph" id="outbox-mail">
              <strong>{status.data.mailEnabled ? t('messages.mailOn') : t('messages.mailOff')}</strong>
              {status.data.mailEnabled ? null : <> {t('messages.mailOffHelp')}</>}
            </p>
            <ul className="utrecht-unordered-list">
              <li>{t('messages.pending', { count: String(status.data.pending) })}</li>
              <li>{t('messages.failed', { count: String(status.data.failed) })}</li>
              <li>
                {status.data.oldestPendingAt
                  ? t('messages.oldest', { at: formatShort(status.data.oldestPendingAt) })
                  : t('messages.noneWaiting')}
              </li>
            </ul>
          </div>
        ) : null}
      </section>
      <FailedDeliveries />
    </>
  );
}

function FailedDeliveries() {
  const { t, formatShort } = useStaffI18n();
  const [items, setItems] = useState<FailedDelivery[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const load = (cursor: string | null) =>
    listFailedDeliveries(cursor).then(
      (page) => {
        setItems((before) => [...(cursor ? (before ?? []) : []), ...page.items]);
        setNext(page.nextCursor);
      },
      () => setFailed(true),
    );
  useEffect(() => {
    void load(null);
  }, []);

  return (
    <section className="wp-section wp-card" aria-labelledby="failed-title">
      <h2 className="utrecht-heading-2" id="failed-title">
        {t('messages.failedTitle')}
      </h2>
      <p className="utrecht-paragraph">{t('messages.failedIntro')}</p>
      {failed ? (
        <p className="utrecht-paragraph wp-error-text" role="alert">
          {t('admin.loadFailed')}
        </p>
      ) : null}
      {items && items.length === 0 ? (
        <p className="utrecht-paragraph" id="failed-none">
          {t('messages.failedNone')}
        </p>
      ) : null}
      {items?.length ? (
        <div className="wp-table-scroll" role="region" aria-labelledby="failed-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table wp-table" id="failed-table">
            <caption className="utrecht-table__caption" id="failed-caption">
              {t('messages.failedCaption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(
                  [
                    'messages.channel',
                    'messages.report',
                    'messages.attempts',
                    'messages.lastError',
                    'messages.created',
                  ] as const
                ).map((key) => (
                  <th className="utrecht-table__header-cell" scope="col" key={key}>
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {items.map((item) => (
                <tr className="utrecht-table__row" key={item.id}>
                  <td className="utrecht-table__cell">
                    {item.channel === 'email' ? t('messages.email') : t('messages.webhook')}
                  </td>
                  <td className="utrecht-table__cell">
                    {item.reportId ? (
                      <Link to={`/werk/melding/${item.reportId}`}>{t('messages.openReport')}</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="utrecht-table__cell">{item.attempts}</td>
                  <td className="utrecht-table__cell wp-mono">{item.lastError ?? '—'}</td>
                  <td className="utrecht-table__cell">{formatShort(item.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => load(next)}>
          {t('messages.more')}
        </button>
      ) : null}
    </section>
  );
}
