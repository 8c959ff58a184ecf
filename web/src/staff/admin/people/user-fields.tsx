import type { Role, Team } from '../../../api/contract.ts';
import { useStaffI18n } from '../../staff-i18n.ts';

export const allRoles: readonly Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'analyst',
  'contact_centre',
  'partner',
  'administrator',
];

/** Roles as checkboxes in a fieldset: a user may have several. */
export function RoleChoice({
  id,
  value,
  onChange,
  error,
}: {
  id: string;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
  error?: string | undefined;
}) {
  const { t } = useStaffI18n();
  return (
    <fieldset
      className="utrecht-form-fieldset wp-choice-group"
      id={id}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="utrecht-form-fieldset__legend">{t('admin.users.roles')}</legend>
      {error ? (
        <p className="utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      {allRoles.map((role) => (
        <label key={role} className="wp-choice">
          <input
            type="checkbox"
            className="utrecht-checkbox utrecht-checkbox--html-input"
            name={`${id}-role`}
            value={role}
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />{' '}
          {t(`role.${role}`)}
        </label>
      ))}
    </fieldset>
  );
}

export function TeamSelect({
  a11y,
  teams,
  value,
  onChange,
}: {
  a11y: object;
  teams: readonly Team[];
  value: string;
  onChange: (code: string) => void;
}) {
  const { t } = useStaffI18n();
  return (
    <select
      {...a11y}
      className="utrecht-select utrecht-select--html-select"
      value={value}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">{t('admin.users.noTeam')}</option>
      {teams.map((team) => (
        <option key={team.id} value={team.code}>
          {team.name}
          {team.kind === 'partner' ? ` (${t('admin.org.partner')})` : ''}
        </option>
      ))}
    </select>
  );
}
