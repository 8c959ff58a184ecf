import { useState } from 'react';
import { getOfficer, listOfficers } from '../../../api/staff-people.ts';
import { FormField } from '../../../components/form-field.tsx';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { BackToAdmin, LoadState, useLoad } from '../admin-kit.tsx';
import { OfficerProfile } from './officer-profile.tsx';

/** Officers' public profiles, portraits and schedules. */
export function OfficersPage() {
  const { t } = useStaffI18n();
  const [officers] = useLoad(listOfficers);
  const [officerId, setOfficerId] = useState('');
  return (
    <>
      <BackToAdmin />
      <PageHeading>{t('admin.officers.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('admin.officers.intro')}</p>
      <LoadState state={officers} />
      {officers.status === 'loaded' ? (
        <FormField id="officer-choice" label={t('admin.officers.choose')}>
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
      {officerId ? <LoadedOfficer key={officerId} officerId={officerId} /> : null}
    </>
  );
}

function LoadedOfficer({ officerId }: { officerId: string }) {
  const [officer, reload] = useLoad(() => getOfficer(officerId));
  if (officer.status !== 'loaded') return <LoadState state={officer} />;
  return <OfficerProfile officer={officer.data} onSaved={reload} />;
}
