import { useState, type FormEvent } from 'react';
import type { AdminUser, Borough, CoordinatorGroup } from '../../../api/contract.ts';
import { createGroup, updateGroup } from '../../../api/staff-admin.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { problemsOf } from '../admin-kit.tsx';

/** Creates a coordinator group (no `group`) or changes one: name, coordinator and the boroughs it covers. */
export function GroupForm({
  group,
  coordinators,
  boroughs,
  onSaved,
}: {
  group: CoordinatorGroup | null;
  coordinators: readonly AdminUser[];
  boroughs: readonly Borough[];
  onSaved: () => void;
}) {
  const { t } = useStaffI18n();
  const [name, setName] = useState(group?.name ?? '');
  const [coordinatorId, setCoordinatorId] = useState(group?.coordinator?.id ?? '');
  const [codes, setCodes] = useState<string[]>(group?.boroughs.map((b) => b.code) ?? []);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const problems: FormError[] = name.trim() ? [] : [{ fieldId: 'group-name', message: t('admin.org.nameRequired') }];
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    const body = { name, coordinatorId: coordinatorId || null, boroughCodes: codes };
    try {
      if (group) await updateGroup(group.id, body);
      else await createGroup(body);
      setResult(t('admin.saved'));
      if (!group) setName('');
      onSaved();
    } catch (error) {
      setErrors(problemsOf(error, 'group-name', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="wp-stack" aria-labelledby="group-form-title">
      <h3 className="utrecht-heading-3" id="group-form-title">
        {group ? t('admin.org.editGroup', { name: group.name }) : t('admin.org.newGroup')}
      </h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FormField
        id="group-name"
        label={t('admin.org.name')}
        error={errors.find((e) => e.fieldId === 'group-name')?.message}
      >
        {(a11y) => (
          <input
            {...a11y}
            className="utrecht-textbox utrecht-textbox--html-input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="group-coordinator" label={t('admin.org.coordinator')} optional>
        {(a11y) => (
          <select
            {...a11y}
            className="utrecht-select utrecht-select--html-select"
            value={coordinatorId}
            onChange={(e) => setCoordinatorId(e.target.value)}
          >
            <option value="">{t('admin.districts.nobody')}</option>
            {coordinators.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <fieldset className="utrecht-form-fieldset wp-choice-group" id="group-boroughs">
        <legend className="utrecht-form-fieldset__legend">{t('admin.org.boroughs')}</legend>
        {boroughs.map((borough) => (
          <label key={borough.code} className="wp-choice">
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              value={borough.code}
              checked={codes.includes(borough.code)}
              onChange={(e) =>
                setCodes(e.target.checked ? [...codes, borough.code] : codes.filter((c) => c !== borough.code))
              }
            />{' '}
            {borough.name}
          </label>
        ))}
      </fieldset>
      <div className="wp-actions">
        <button type="submit" id="group-save" className="utrecht-button utrecht-button--primary-action">
          {group ? t('admin.save') : t('admin.org.createGroup')}
        </button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="group-result">
        {result}
      </p>
    </form>
  );
}
