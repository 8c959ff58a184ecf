import { Link } from '../../router.tsx';
import type { ReportSummary } from '../../api/contract.ts';
import { useStaffI18n } from '../staff-i18n.ts';

/** Reports as a list of links: the accessible twin of the map, and the phone's default view. */
export function ReportList({
  reports,
  selectable,
  ownDistricts,
  showHolder,
}: {
  reports: ReportSummary[];
  selectable?: { selected: Set<string>; toggle: (id: string) => void };
  ownDistricts?: Set<string>;
  /** Name who holds each report (the worklist of several holders). */
  showHolder?: boolean;
}) {
  const { t, formatShort } = useStaffI18n();
  return (
    <ul className="wp-report-list">
      {reports.map((report) => (
        <li
          key={report.id}
          className={report.overdue ? 'wp-report-list__item wp-report-list__item--overdue' : 'wp-report-list__item'}
        >
          {selectable ? (
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              id={`select-${report.id}`}
              checked={selectable.selected.has(report.id)}
              onChange={() => selectable.toggle(report.id)}
              aria-label={t('worklist.select', {
                code: report.trackingCode ?? report.address ?? report.district.name,
                category: report.category.name,
              })}
            />
          ) : null}
          <div>
            <Link to={`/werk/melding/${report.id}`} className="utrecht-link utrecht-link--html-a wp-report-list__title">
              {report.category.name} · {report.address ?? report.district.name}
            </Link>
            <p className="wp-report-list__meta">
              {report.overdue ? <strong className="wp-badge wp-badge--overdue">{t('report.overdue')}</strong> : null}
              {report.urgent ? <strong className="wp-badge">{t('report.urgent')}</strong> : null}
              {ownDistricts && ownDistricts.size && !ownDistricts.has(report.district.code) ? (
                <strong className="wp-badge wp-badge--cover">{t('report.covering')}</strong>
              ) : null}
              <span>{t(`status.${report.status}`)}</span>
              <span>{t('report.deadlineShort', { date: formatShort(report.deadline) })}</span>
              <span>{report.district.name}</span>
              {showHolder ? <span>{t('queue.heldBy', { name: report.assignee.name })}</span> : null}
              {report.trackingCode ? <span className="wp-mono">{report.trackingCode}</span> : null}
            </p>
            <p className="wp-report-list__description">{report.description}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
