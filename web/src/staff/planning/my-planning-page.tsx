import { useState } from 'react';
import { getOfficer, listMeetings, listOfficers, listOwnAbsences } from '../../api/staff-people.ts';
import { FormField } from '../../components/form-field.tsx';
import { PageHeading } from '../../components/page-title.tsx';
import { LoadState, useLoad } from '../admin/admin-kit.tsx';
import { hasRole } from '../roles.ts';
import { useStaffUser } from '../session.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { DistrictDaysForm } from './district-days-form.tsx';
import { MeetingForm } from './meeting-form.tsx';
import { OwnAbsenceForm } from './own-absence-form.tsx';

/**
 * "Mijn planning": an officer's own district days, absences and the wijkraad meetings of their districts.
 * Coordinators and team managers do the same for an officer of their team (the server checks who may what).
 */
export function MyPlanningPage() {
  const { t } = useStaffI18n();
  const user = useStaffUser();
  const planner = hasRole(user, 'coordinator', 'team_manager', 'administrator');
  const [officerId, setOfficerId] = useState(user.roles.includes('officer') ? user.id : '');
  const [officers] = useLoad(() => (planner ? listOfficers() : Promise.resolve([])));
  return (
    <>
      <PageHeading>{t('planning.title')}</PageHeading>
      {planner && officers.status === 'loaded' ? (
        <FormField id="planning-officer" label={t('admin.officers.choose')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={officerId}
              onChange={(e) => setOfficerId(e.target.value)}
            >
              <option value="">{t('detail.choose')}</option>
              {officers.data.map((officer) => (
                <option key={officer.id} value={officer.id}>
                  {officer.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      ) : null}
      {officerId ? <OfficerPlanning key={officerId} officerId={officerId} /> : null}
    </>
  );
}

function OfficerPlanning({ officerId }: { officerId: string }) {
  const [officer, reloadOfficer] = useLoad(() => getOfficer(officerId));
  const [absences, reloadAbsences] = useLoad(() => listOwnAbsences(officerId));
  const [meetings, reloadMeetings] = useLoad(async () => {
    const own = await getOfficer(officerId);
    const lists = await Promise.all(own.districts.map((d) => listMeetings(d.code)));
    return lists.flatMap((list) => list.items).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  });
  return (
    <>
      <LoadState state={officer} />
      {officer.status === 'loaded' ? <DistrictDaysForm officer={officer.data} onSaved={reloadOfficer} /> : null}
      {absences.status === 'loaded' ? (
        <OwnAbsenceForm officerId={officerId} absences={absences.data} onChanged={reloadAbsences} />
      ) : null}
      {officer.status === 'loaded' && meetings.status === 'loaded' && officer.data.districts.length > 0 ? (
        <MeetingForm officer={officer.data} meetings={meetings.data} onSaved={reloadMeetings} />
      ) : null}
    </>
  );
}
