import { useEffect, useRef } from 'react';
import { Link } from '../../router.tsx';
import type { CreatedReport } from '../../api/contract.ts';
import { useStaffI18n, type StaffTranslate } from '../staff-i18n.ts';

/** "Gaat naar Fatima de Vries, wijkhandhaver Parkwijk": who gets it, in the words of the routing rule that decided. */
export function routedTo(report: CreatedReport, t: StaffTranslate): string {
  const values = { name: report.assignee.name, district: report.district.name };
  if (report.routing.rule === 'district-owner') return t('intake.routedOwner', values);
  if (report.routing.rule === 'district-backup') return t('intake.routedBackup', values);
  return t('intake.routedOther', values);
}

export function IntakeResult({ report, onNext }: { report: CreatedReport; onNext: () => void }) {
  const { t, language } = useStaffI18n();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [report.id]);
  return (
    <div
      className="utrecht-alert utrecht-alert--ok wp-routing-result"
      role="status"
      tabIndex={-1}
      ref={ref}
      id="routing-result"
    >
      <h2 className="utrecht-heading-2">{routedTo(report, t)}</h2>
      <p className="utrecht-paragraph">{language === 'en' ? report.routing.reason.en : report.routing.reason.nl}</p>
      <p className="utrecht-paragraph">
        {t('intake.trackingCode')}{' '}
        <strong className="wp-mono" id="intake-tracking-code">
          {report.trackingCode}
        </strong>{' '}
        · <Link to={`/werk/melding/${report.id}`}>{t('intake.openReport')}</Link>
      </p>
      <div className="wp-actions">
        <button
          type="button"
          className="utrecht-button utrecht-button--primary-action"
          id="intake-next"
          onClick={onNext}
        >
          {t('intake.next')}
        </button>
      </div>
    </div>
  );
}
