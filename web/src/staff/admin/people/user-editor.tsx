import { useState, type FormEvent } from 'react';
import type { AdminUser, Role, Team } from '../../../api/contract.ts';
import { deactivateUser, reactivateUser, resetPassword, updateUser } from '../../../api/staff-admin.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { problemsOf } from '../admin-kit.tsx';
import { RoleChoice, TeamSelect } from './user-fields.tsx';

/** One account: roles and team, (de)activation and a password reset with a one-time password. */
export function UserEditor({
  user,
  teams,
  onChanged,
}: {
  user: AdminUser;
  teams: readonly Team[];
  onChanged: () => void;
}) {
  const { t } = useStaffI18n();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [teamCode, setTeamCode] = useState(user.team?.code ?? '');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');
  const [password, setPassword] = useState('');

  const run = async (action: () => Promise<string>) => {
    setErrors([]);
    setPassword('');
    try {
      setResult(await action());
      onChanged();
    } catch (error) {
      setResult('');
      setErrors(problemsOf(error, 'edit-user-roles', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await updateUser(user.id, { roles, teamCode: teamCode || null });
      return t('admin.saved');
    });
  };

  return (
    <section className="wp-section wp-card" aria-labelledby="edit-user-title">
      <h2 className="utrecht-heading-2" id="edit-user-title">
        {t('admin.users.edit', { name: user.name })}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={save} className="wp-stack">
        <RoleChoice id="edit-user-roles" value={roles} onChange={setRoles} />
        <FormField id="edit-user-team" label={t('admin.users.team')} optional>
          {(a11y) => <TeamSelect a11y={a11y} teams={teams} value={teamCode} onChange={setTeamCode} />}
        </FormField>
        <div className="wp-actions">
          <button type="submit" id="edit-user-save" className="utrecht-button utrecht-button--primary-action">
            {t('admin.save')}
          </button>
          <button
            type="button"
            id="edit-user-active"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              void run(async () => {
                if (!user.active) return (await reactivateUser(user.id), t('admin.users.reactivated'));
                const answer = await deactivateUser(user.id);
                return answer.ownedDistrictCodes.length
                  ? t('admin.users.deactivatedOwner', { districts: answer.ownedDistrictCodes.join(', ') })
                  : t('admin.users.deactivated');
              })
            }
          >
            {user.active ? t('admin.users.deactivate') : t('admin.users.reactivate')}
          </button>
          <button
            type="button"
            id="edit-user-reset"
            className="utrecht-button utrecht-button--secondary-action"
            onClick={() =>
              void run(async () => {
                const answer = await resetPassword(user.id);
                setPassword(answer.oneTimePassword);
                return t('admin.users.resetDone');
              })
            }
          >
            {t('admin.users.reset')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="edit-user-result">
        {result} {password ? <code id="edit-user-password">{password}</code> : null}
      </p>
    </section>
  );
}
