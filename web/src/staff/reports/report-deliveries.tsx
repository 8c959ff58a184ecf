import { useEffect, useState } from 'react';
import type { Delivery } from '../../api/contract.ts';
import { reportDeliveries } from '../../api/staff-reports.ts';
import { useStaffI18n } from '../staff-i18n.ts';

/**
 * The messages about a report (to the reporter, followers, the partner) and whether they went out: "sent" only
 * once the mail server or webhook accepted them. Reloads when the report changes (`version`), since a change
 * may add messages. Addresses show only when the API gives them (staff who may read reporter contact).
 */
export function ReportDeliveries({ reportId, version }: { reportId: string; version: number }) {
  const { t, formatDateTime } = useStaffI18n();
  const [items, setItems] = useState<Delivery[] | null>(null);

  useEffect(() => {
    let current = true;
    reportDeliveries(reportId).then(
      (list) => current && setItems(list.items),
      () => current && setItems(null),
    );
    return () => {
      current = false;
    };
  }, [reportId, version]);

  if (items === null) return null;
  return (
    <section className="wp-section" aria-labelledby="deliveries-title">
      <h2 className="utrecht-heading-2" id="deliveries-title">
        {t('deliveries.title')}
      </h2>
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{t('deliveries.none')}</p>
      ) : (
        <ul className="wp-deliveries" id="report-deliveries">
          {items.map((item) => (
            <li key={item.id} data-status={item.status}>
              <strong>{t(`deliveries.template.${item.template as 'confirmation'}`)}</strong> (
              {t(`deliveries.channel.${item.channel}`)}
              {item.recipient ? `, ${item.recipient}` : ''}) ·{' '}
              {item.status === 'sent' && item.sentAt
                ? t('deliveries.status.sent', { at: formatDateTime(item.sentAt) })
                : t(`deliveries.status.${item.status as 'pending'}`)}
              {item.attempts > 0 && item.status !== 'sent'
                ? ` · ${t('deliveries.attempts', { n: item.attempts })}`
                : ''}
              {item.lastError && item.status !== 'sent' ? (
                <span className="wp-deliveries__error"> · {t('deliveries.lastError', { error: item.lastError })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
