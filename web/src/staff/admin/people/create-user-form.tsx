import { useState, type FormEvent } from 'react';
import type { Role, Team } from '../../../api/contract.ts';
import { createUser } from '../../../api/staff-admin.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { problemsOf } from '../admin-kit.tsx';
import { RoleChoice, TeamSelect } from './user-fields.tsx';

/** A new account; the one-time password is shown once, to hand over (no e-mail is sent). */
export function CreateUserForm({ teams, onCreated }: { teams: readonly Team[]; onCreated: () => void }) {
  const { t } = useStaffI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['officer']);
  const [teamCode, setTeamCode] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<{ name: string; password: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FormError[] = [];
    if (!name.trim()) problems.push({ fieldId: 'new-user-name', message: t('admin.users.nameRequired') });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      problems.push({ fieldId: 'new-user-email', message: t('admin.users.emailRequired') });
    if (roles.length === 0) problems.push({ fieldId: 'new-user-roles', message: t('admin.users.roleRequired') });
    setCreated(null);
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      const answer = await createUser({ name, email, roles, teamCode: teamCode || null });
      setCreated({ name: answer.user.name, password: answer.oneTimePassword });
      setName('');
      setEmail('');
      onCreated();
    } catch (error) {
      setErrors(problemsOf(error, 'new-user-name', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <section className="wp-section wp-card" aria-labelledby="new-user-title">
      <h2 className="utrecht-heading-2" id="new-user-title">
        {t('admin.users.new')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        <FormField id="new-user-name" label={t('admin.users.name')} error={errorFor('new-user-name')}>
          {(a11y) => (
            <input
              {...a11y}
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </FormField>
        <FormField id="new-user-email" label={t('admin.users.email')} error={errorFor('new-user-email')}>
          {(a11y) => (
            <input
              {...a11y}
              type="email"
              className="utrecht-textbox utrecht-textbox--html-input"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <RoleChoice id="new-user-roles" value={roles} onChange={setRoles} error={errorFor('new-user-roles')} />
        <FormField id="new-user-team" label={t('admin.users.team')} optional>
          {(a11y) => <TeamSelect a11y={a11y} teams={teams} value={teamCode} onChange={setTeamCode} />}
        </FormField>
        <div className="wp-actions">
          <button type="submit" id="new-user-save" className="utrecht-button utrecht-button--primary-action">
            {t('admin.users.create')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" id="new-user-result">
        {created ? (
          <p className="utrecht-paragraph">
            {t('admin.users.created', { name: created.name })} <code id="new-user-password">{created.password}</code>
          </p>
        ) : null}
      </div>
    </section>
  );
}
