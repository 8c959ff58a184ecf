import { useState } from 'react';
import { listBoroughs, listUsers } from '../../../api/staff-admin.ts';
import { listCoordinatorGroups, listTeams } from '../../../api/staff-people.ts';
import { FormField } from '../../../components/form-field.tsx';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { BackToAdmin, LoadState, useLoad } from '../admin-kit.tsx';
import { GroupForm } from './group-form.tsx';
import { PartnerChannelForm } from './partner-channel-form.tsx';
import { PartnerContactForm } from './partner-contact-form.tsx';
import { TeamForm } from './team-form.tsx';

/** Coordinator groups (which boroughs, which coordinator), teams and partner organisations. */
export function OrganisationPage() {
  const { t } = useStaffI18n();
  const [groups, reloadGroups] = useLoad(listCoordinatorGroups);
  const [teams, reloadTeams] = useLoad(listTeams);
  const [boroughs] = useLoad(listBoroughs);
  const [coordinators] = useLoad(() => listUsers({ role: 'coordinator', active: 'true' }));
  const [groupId, setGroupId] = useState('');
  const [teamId, setTeamId] = useState('');
  const group = groups.status === 'loaded' ? (groups.data.find((g) => g.id === groupId) ?? null) : null;
  const team = teams.status === 'loaded' ? (teams.data.find((g) => g.id === teamId) ?? null) : null;

  return (
    <>
      <BackToAdmin />
      <PageHeading>{t('admin.organisation.title')}</PageHeading>
      <section className="wp-section wp-card" aria-labelledby="groups-title">
        <h2 className="utrecht-heading-2" id="groups-title">
          {t('admin.org.groups')}
        </h2>
        <LoadState state={groups} />
        {groups.status === 'loaded' ? (
          <ul id="groups-list">
            {groups.data.map((g) => (
              <li key={g.id}>
                <strong>{g.name}</strong>: {g.coordinator?.name ?? t('admin.org.noCoordinator')} —{' '}
                {g.boroughs.map((b) => b.name).join(', ') || t('admin.org.noBoroughs')}
              </li>
            ))}
          </ul>
        ) : null}
        {groups.status === 'loaded' ? (
          <FormField id="group-choice" label={t('admin.org.groupChoice')}>
            {(a11y) => (
              <select
                {...a11y}
                className="utrecht-select utrecht-select--html-select"
                value={groupId}
                onChange={(e) => setGroupId(e.target.value)}
              >
                <option value="">{t('admin.org.newGroup')}</option>
                {groups.data.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : null}
        {boroughs.status === 'loaded' && coordinators.status === 'loaded' ? (
          <GroupForm
            key={groupId || 'new'}
            group={group}
            boroughs={boroughs.data}
            coordinators={coordinators.data}
            onSaved={reloadGroups}
          />
        ) : null}
      </section>
      <section className="wp-section wp-card" aria-labelledby="teams-title">
        <h2 className="utrecht-heading-2" id="teams-title">
          {t('admin.org.teams')}
        </h2>
        <LoadState state={teams} />
        {teams.status === 'loaded' ? (
          <>
            <ul id="teams-list">
              {teams.data.map((tm) => (
                <li key={tm.id}>
                  {tm.name} ({tm.code}, {tm.kind === 'partner' ? t('admin.org.partner') : t('admin.org.team')})
                </li>
              ))}
            </ul>
            <FormField id="team-choice" label={t('admin.org.teamChoice')}>
              {(a11y) => (
                <select
                  {...a11y}
                  className="utrecht-select utrecht-select--html-select"
                  value={teamId}
                  onChange={(e) => setTeamId(e.target.value)}
                >
                  <option value="">{t('admin.org.newTeam')}</option>
                  {teams.data.map((tm) => (
                    <option key={tm.id} value={tm.id}>
                      {tm.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </>
        ) : null}
        <TeamForm key={teamId || 'new'} team={team} onSaved={reloadTeams} />
        {team?.kind === 'partner' ? (
          <>
            <PartnerContactForm key={`contact-${team.id}`} team={team} onSaved={reloadTeams} />
            <PartnerChannelForm key={`channel-${team.id}`} team={team} />
          </>
        ) : null}
      </section>
    </>
  );
}
