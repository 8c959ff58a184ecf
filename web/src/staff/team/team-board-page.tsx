import { useCallback, useEffect, useState } from 'react';
import type { TeamBoard } from '../../api/contract.ts';
import { teamBoard } from '../../api/staff-dashboards.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { AbsenceForm } from './absence-form.tsx';
import { BulkReassign } from './bulk-reassign.tsx';
import { DistrictTable, OfficerTable } from './board-tables.tsx';
import { filterBoard, GroupFilter, useGroupFilter } from './group-filter.tsx';

/** The coordinator's board: today in the districts, who is away, where the open and overdue reports are. */
export function TeamBoardPage() {
  const { t, formatDate } = useStaffI18n();
  const [board, setBoard] = useState<TeamBoard | null>(null);
  const [failed, setFailed] = useState(false);
  const [absenceFor, setAbsenceFor] = useState<string>('');
  const filter = useGroupFilter();

  const load = useCallback(() => {
    teamBoard()
      .then((body) => {
        setBoard(body);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, []);
  useEffect(load, [load]);

  if (!board) {
    return (
      <>
        <PageHeading>{t('team.title')}</PageHeading>
        <p className="utrecht-paragraph" role="status">
          {failed ? t('team.failed') : t('shell.loading')}
        </p>
      </>
    );
  }
  const shown = filterBoard(board, filter.boroughs);
  const inDistrict = shown.officers.filter((o) => o.districtDayToday && !o.absence);
  const absent = shown.officers.filter((o) => o.absence);
  return (
    <>
      <PageHeading>{t('team.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('team.today', { date: formatDate(board.generatedAt) })}</p>
      <GroupFilter groups={filter.groups} groupId={filter.groupId} onChange={filter.setGroupId} />
      <div className="wp-board-summary">
        <section className="wp-card" aria-labelledby="today-title">
          <h2 className="utrecht-heading-2" id="today-title">
            {t('team.inDistrictToday', { count: inDistrict.length })}
          </h2>
          <ul className="utrecht-unordered-list" id="team-in-district">
            {inDistrict.map((o) => (
              <li key={o.id} className="utrecht-unordered-list__item">
                {o.name} —{' '}
                {o.districts
                  .filter((d) => d.duty === 'owner')
                  .map((d) => d.name)
                  .join(', ')}
              </li>
            ))}
          </ul>
        </section>
        <section className="wp-card" aria-labelledby="absent-title">
          <h2 className="utrecht-heading-2" id="absent-title">
            {t('team.absentToday', { count: absent.length })}
          </h2>
          {absent.length ? (
            <ul className="utrecht-unordered-list" id="team-absent">
              {absent.map((o) => (
                <li key={o.id} className="utrecht-unordered-list__item">
                  {t('team.absentUntil', {
                    name: o.name,
                    kind: t(`absence.${o.absence!.kind}`),
                    until: formatDate(o.absence!.endsAt),
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p className="utrecht-paragraph">{t('team.nobodyAbsent')}</p>
          )}
        </section>
      </div>
      <OfficerTable
        board={shown}
        onAbsence={(id) => {
          setAbsenceFor(id);
          requestAnimationFrame(() => document.getElementById('absence-officer')?.focus());
        }}
      />
      <DistrictTable board={shown} />
      <AbsenceForm officers={board.officers} officerId={absenceFor} onOfficerChange={setAbsenceFor} onSaved={load} />
      <BulkReassign officers={board.officers} onDone={load} />
    </>
  );
}
