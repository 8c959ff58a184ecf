import { useEffect, useState } from 'react';
import { getOfficer } from '../../api/staff-people.ts';
import { PageHeading } from '../../components/page-title.tsx';
import { useStaffUser } from '../session.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import type { DistrictChoice } from './district-choice.ts';
import { ContactForm } from './contact-form.tsx';
import { ObservationForm } from './observation-form.tsx';
import { PresenceCard } from './presence-card.tsx';

/** The officer's own districts first (owner, then backup): the usual answer to "which district?". */
function useMyDistricts(officerId: string): DistrictChoice[] {
  const [districts, setDistricts] = useState<DistrictChoice[]>([]);
  useEffect(() => {
    getOfficer(officerId)
      .then((officer) =>
        setDistricts(
          [...officer.districts].sort((a, b) =>
            a.duty === b.duty ? a.name.localeCompare(b.name) : a.duty === 'owner' ? -1 : 1,
          ),
        ),
      )
      .catch(() => setDistricts([]));
  }, [officerId]);
  return districts;
}

/** Field work in a few taps: a district round, a contact, an observation. */
export function FieldLogPage() {
  const { t } = useStaffI18n();
  const user = useStaffUser();
  const districts = useMyDistricts(user.id);
  return (
    <>
      <PageHeading>{t('fieldLog.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('fieldLog.intro')}</p>
      <PresenceCard districts={districts} />
      <ContactForm districts={districts} />
      <ObservationForm />
    </>
  );
}
