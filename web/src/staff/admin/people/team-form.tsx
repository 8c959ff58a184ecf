import { useState, type FormEvent } from 'react';
import type { Team } from '../../../api/contract.ts';
import { createTeam, renameTeam } from '../../../api/staff-admin.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { problemsOf } from '../admin-kit.tsx';

/** Creates a team or partner organisation (no `team`), or renames one; the code stays fixed once created. */
export function TeamForm({ team, onSaved }: { team: Team | null; onSaved: () => void }) {
  const { t } = useStaffI18n();
  const [name, setName] = useState(team?.name ?? '');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<'team' | 'partner'>('team');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems: FormError[] = [];
    if (!name.trim()) problems.push({ fieldId: 'team-name', message: t('admin.org.nameRequired') });
    if (!team && !/^[a-z0-9][a-z0-9-]*$/.test(code))
      problems.push({ fieldId: 'team-code', message: t('admin.org.codeRule') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      if (team) await renameTeam(team.id, name);
      else await createTeam({ code, name, kind });
      setResult(t('admin.saved'));
      if (!team) {
        setName('');
        setCode('');
      }
      onSaved();
    } catch (error) {
      setErrors(problemsOf(error, 'team-name', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;

  return (
    <form noValidate onSubmit={submit} className="wp-stack" aria-labelledby="team-form-title">
      <h3 className="utrecht-heading-3" id="team-form-title">
        {team ? t('admin.org.renameTeam', { name: team.name }) : t('admin.org.newTeam')}
      </h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FormField id="team-name" label={t('admin.org.name')} error={errorFor('team-name')}>
        {(a11y) => (
          <input
            {...a11y}
            className="utrecht-textbox utrecht-textbox--html-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormField>
      {team ? null : (
        <>
          <FormField
            id="team-code"
            label={t('admin.org.code')}
            description={t('admin.org.codeRule')}
            error={errorFor('team-code')}
          >
            {(a11y) => (
              <input
                {...a11y}
                className="utrecht-textbox utrecht-textbox--html-input"
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </FormField>
          <FormField id="team-kind" label={t('admin.org.kind')}>
            {(a11y) => (
              <select
                {...a11y}
                className="utrecht-select utrecht-select--html-select"
                value={kind}
                onChange={(e) => setKind(e.target.value as typeof kind)}
              >
                <option value="team">{t('admin.org.team')}</option>
                <option value="partner">{t('admin.org.partner')}</option>
              </select>
            )}
          </FormField>
        </>
      )}
      <div className="wp-actions">
        <button type="submit" id="team-save" className="utrecht-button utrecht-button--primary-action">
          {team ? t('admin.save') : t('admin.org.createTeam')}
        </button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="team-result">
        {result}
      </p>
    </form>
  );
}
