import { useState } from 'react';
import type { DistrictDuty, Officer } from '../../../api/contract.ts';
import { assignDistrict, listDistrictDuties } from '../../../api/staff-admin.ts';
import { listOfficers } from '../../../api/staff-people.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { BackToAdmin, LoadState, problemsOf, useLoad } from '../admin-kit.tsx';

/** Every district with its owner and backup; a district without an owner is marked, as residents get no officer. */
export function DistrictsPage() {
  const { t } = useStaffI18n();
  const [duties, reload] = useLoad(listDistrictDuties);
  const [officers] = useLoad(listOfficers);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const save = async (duty: DistrictDuty, ownerId: string, backupId: string) => {
    setResult('');
    try {
      await assignDistrict(duty.districtCode, { ownerId, backupId: backupId || null });
      setErrors([]);
      setResult(t('admin.districts.saved', { district: duty.districtName }));
      reload();
    } catch (error) {
      setErrors(problemsOf(error, `owner-${duty.districtCode}`, t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <>
      <BackToAdmin />
      <PageHeading>{t('admin.districts.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('admin.districts.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="districts-result">
        {result}
      </p>
      <LoadState state={duties} />
      {duties.status === 'loaded' && officers.status === 'loaded' ? (
        <div className="wp-table-scroll">
          <table className="utrecht-table wp-table" id="districts-table">
            <caption>{t('admin.districts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.districts.district')}</th>
                <th scope="col">{t('admin.districts.owner')}</th>
                <th scope="col">{t('admin.districts.backup')}</th>
                <th scope="col">
                  <span className="wp-visually-hidden">{t('admin.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {duties.data.map((duty) => (
                <DutyRow key={duty.districtCode} duty={duty} officers={officers.data} onSave={save} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function DutyRow({
  duty,
  officers,
  onSave,
}: {
  duty: DistrictDuty;
  officers: Officer[];
  onSave: (duty: DistrictDuty, ownerId: string, backupId: string) => void;
}) {
  const { t } = useStaffI18n();
  const [owner, setOwner] = useState(duty.owner?.id ?? '');
  const [backup, setBackup] = useState(duty.backup?.id ?? '');
  const choice = (id: string, label: string, value: string, set: (v: string) => void) => (
    <select
      id={id}
      aria-label={label}
      className="utrecht-select utrecht-select--html-select"
      value={value}
      onChange={(e) => set(e.target.value)}
    >
      <option value="">{t('admin.districts.nobody')}</option>
      {officers.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
  return (
    <tr>
      <th scope="row">
        {duty.districtName} <span className="wp-muted">({duty.districtCode})</span>
        {duty.owner ? null : <strong className="wp-badge"> {t('admin.districts.noOwner')}</strong>}
      </th>
      <td>
        {choice(
          `owner-${duty.districtCode}`,
          t('admin.districts.ownerOf', { district: duty.districtName }),
          owner,
          setOwner,
        )}
      </td>
      <td>
        {choice(
          `backup-${duty.districtCode}`,
          t('admin.districts.backupOf', { district: duty.districtName }),
          backup,
          setBackup,
        )}
      </td>
      <td>
        <button
          type="button"
          id={`save-${duty.districtCode}`}
          className="utrecht-button utrecht-button--secondary-action"
          disabled={!owner}
          onClick={() => onSave(duty, owner, backup)}
        >
          {t('admin.districts.save', { district: duty.districtName })}
        </button>
      </td>
    </tr>
  );
}
