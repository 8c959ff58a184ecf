import type { TeamBoard } from '../../api/contract.ts';
import { Link } from '../../router.tsx';
import { districtLink, holderLink } from '../reports/queue-query.ts';
import { useStaffI18n } from '../staff-i18n.ts';

/** A count that opens the worklist filtered to it; the link's name says what it opens (WCAG 2.4.4). */
function CountLink({ to, count, label }: { to: string; count: number; label: string }) {
  return (
    <Link to={to} aria-label={`${count}: ${label}`}>
      {count}
    </Link>
  );
}

export function OfficerTable({ board, onAbsence }: { board: TeamBoard; onAbsence: (officerId: string) => void }) {
  const { t } = useStaffI18n();
  return (
    <section className="wp-section" aria-labelledby="officers-title">
      <h2 className="utrecht-heading-2" id="officers-title">
        {t('team.perOfficer')}
      </h2>
      <div className="wp-table-scroll" role="region" aria-labelledby="officers-title" tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table wp-table" id="officer-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('team.officer')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('team.districts')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('team.todayColumn')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('team.open')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('team.overdue')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                <span className="wp-visually-hidden">{t('team.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {board.officers.map((o) => (
              <tr className="utrecht-table__row" key={o.id}>
                <th className="utrecht-table__header-cell" scope="row">
                  <Link to={holderLink('officer', o.id)}>{o.name}</Link>
                </th>
                <td className="utrecht-table__cell">
                  {o.districts
                    .map((d) => (d.duty === 'owner' ? d.name : t('team.backupFor', { district: d.name })))
                    .join(', ')}
                </td>
                <td className="utrecht-table__cell">
                  {o.absence ? (
                    <strong className="wp-badge wp-badge--overdue">{t(`absence.${o.absence.kind}`)}</strong>
                  ) : o.districtDayToday ? (
                    <strong className="wp-badge wp-badge--ok">{t('team.districtDay')}</strong>
                  ) : o.workingToday ? (
                    t('team.working')
                  ) : (
                    t('team.off')
                  )}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">
                  <CountLink
                    to={holderLink('officer', o.id)}
                    count={o.openReports}
                    label={t('team.showReports', { name: o.name })}
                  />
                </td>
                <td
                  className={`utrecht-table__cell utrecht-table__cell--numeric${o.overdueReports ? ' wp-overdue-cell' : ''}`}
                >
                  <CountLink
                    to={holderLink('officer', o.id, true)}
                    count={o.overdueReports}
                    label={t('team.showOverdue', { name: o.name })}
                  />
                </td>
                <td className="utrecht-table__cell">
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--subtle wp-link-button"
                    onClick={() => onAbsence(o.id)}
                  >
                    {t('team.registerAbsence')}
                    <span className="wp-visually-hidden"> {t('team.forName', { name: o.name })}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function DistrictTable({ board }: { board: TeamBoard }) {
  const { t } = useStaffI18n();
  return (
    <section className="wp-section" aria-labelledby="districts-title">
      <h2 className="utrecht-heading-2" id="districts-title">
        {t('team.perDistrict')}
      </h2>
      <div className="wp-table-scroll" role="region" aria-labelledby="districts-title" tabIndex={0}>
        <table className="utrecht-table utrecht-table--html-table wp-table" id="district-table">
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th className="utrecht-table__header-cell" scope="col">
                {t('team.district')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('team.borough')}
              </th>
              <th className="utrecht-table__header-cell" scope="col">
                {t('team.owner')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('team.open')}
              </th>
              <th className="utrecht-table__header-cell utrecht-table__header-cell--numeric" scope="col">
                {t('team.overdue')}
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {board.districts.map((d) => (
              <tr className="utrecht-table__row" key={d.code}>
                <th className="utrecht-table__header-cell" scope="row">
                  <Link to={districtLink(d.code)}>{d.name}</Link>
                </th>
                <td className="utrecht-table__cell">{d.borough?.name ?? '—'}</td>
                <td className="utrecht-table__cell">
                  {d.owner?.name ?? '—'}
                  {d.backup ? ` (${t('team.backup')}: ${d.backup.name})` : ''}
                </td>
                <td className="utrecht-table__cell utrecht-table__cell--numeric">
                  <CountLink
                    to={districtLink(d.code)}
                    count={d.openReports}
                    label={t('team.showReports', { name: d.name })}
                  />
                </td>
                <td
                  className={`utrecht-table__cell utrecht-table__cell--numeric${d.overdueReports ? ' wp-overdue-cell' : ''}`}
                >
                  <CountLink
                    to={districtLink(d.code, true)}
                    count={d.overdueReports}
                    label={t('team.showOverdue', { name: d.name })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {board.otherAssignees.length ? (
        <>
          <h3 className="utrecht-heading-3">{t('team.otherAssignees')}</h3>
          <ul className="utrecht-unordered-list" id="other-assignees">
            {board.otherAssignees.map((o) => (
              <li key={o.id} className="utrecht-unordered-list__item">
                <Link to={holderLink(o.kind, o.id)}>{o.name}</Link>:{' '}
                <CountLink
                  to={holderLink(o.kind, o.id)}
                  count={o.openReports}
                  label={t('team.showReports', { name: o.name })}
                />{' '}
                {t('team.openWord')},{' '}
                <CountLink
                  to={holderLink(o.kind, o.id, true)}
                  count={o.overdueReports}
                  label={t('team.showOverdue', { name: o.name })}
                />{' '}
                {t('team.overdueWord')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
