import { getOfficer, listMeetings, listOwnAbsences } from '../../api/staff-people.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { LoadState, useLoad } from '../admin/admin-kit.tsx';
import { useStaffUser } from '../session.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { DistrictDaysForm } from './district-days-form.tsx';
import { MeetingForm } from './meeting-form.tsx';
import { OwnAbsenceForm } from './own-absence-form.tsx';

/** "Mijn planning": an officer's own district days, absences and the wijkraad meetings of their districts. */
export function MyPlanningPage() {
  const { t } = useStaffI18n();
  const user = useStaffUser();
  const [officer, reloadOfficer] = useLoad(() => getOfficer(user.id));
  const [absences, reloadAbsences] = useLoad(() => listOwnAbsences(user.id));
  const [meetings, reloadMeetings] = useLoad(async () => {
    const own = await getOfficer(user.id);
    const lists = await Promise.all(own.districts.map((d) => listMeetings(d.code)));
    return lists.flatMap((list) => list.items).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  });
  return (
    <>
      <PageHeading>{t('planning.title')}</PageHeading>
      <LoadState state={officer} />
      {officer.status === 'loaded' ? <DistrictDaysForm officer={officer.data} onSaved={reloadOfficer} /> : null}
      {absences.status === 'loaded' ? (
        <OwnAbsenceForm officerId={user.id} absences={absences.data} onChanged={reloadAbsences} />
      ) : null}
      {officer.status === 'loaded' && meetings.status === 'loaded' && officer.data.districts.length > 0 ? (
        <MeetingForm officer={officer.data} meetings={meetings.data} onSaved={reloadMeetings} />
      ) : null}
    </>
  );
}
