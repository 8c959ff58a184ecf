import type { ReactNode } from 'react';
import type { ReportDetail } from '../../api/contract.ts';
import { useStaffI18n } from '../staff-i18n.ts';

export type DetailMessage = { kind: 'ok' | 'error'; text: string } | null;

/** The outcome of the last action on a report page, announced to screen readers. */
export function DetailMessageLine({ message }: { message: DetailMessage }) {
  return (
    <div role="status" aria-live="polite" id="detail-message">
      {message ? (
        <p className={`utrecht-paragraph ${message.kind === 'error' ? 'wp-error-text' : 'wp-ok-text'}`}>
          {message.text}
        </p>
      ) : null}
    </div>
  );
}

/**
 * What every report page shows first: status, place, description and deadline; a page adds its own facts after
 * them (`children`, as further dt/dd pairs).
 */
export function ReportFacts({ report, children }: { report: ReportDetail; children?: ReactNode }) {
  const { t, formatDateTime } = useStaffI18n();
  return (
    <dl className="wp-data-list">
      <dt>{t('detail.status')}</dt>
      <dd id="report-status">
        {t(`status.${report.status}`)}
        {report.overdue ? ` · ${t('report.overdue')}` : ''}
      </dd>
      <dt>{t('detail.where')}</dt>
      <dd>
        {report.address ?? '—'} ({report.district.name})
      </dd>
      <dt>{t('detail.description')}</dt>
      <dd>{report.description}</dd>
      <dt>{t('detail.deadline')}</dt>
      <dd>{formatDateTime(report.deadline)}</dd>
      {children}
    </dl>
  );
}
