import { useEffect, useState, type FormEvent } from 'react';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { BackToAdmin } from '../admin-kit.tsx';
import {
  getRoleMappings,
  mappableRoles,
  putRoleMappings,
  type MappableRole,
  type RoleMapping,
} from '../../../api/staff-admin-extras.ts';
import { errorFor, formErrorsOf } from './problems.ts';

/** A row being edited; `key` keeps React's inputs apart when a row above is removed. */
type Row = RoleMapping & { key: number };
let nextKey = 0;
const rowOf = (mapping: RoleMapping): Row => ({ ...mapping, key: nextKey++ });

/** The OIDC role mapping: which value of the roles claim gives which role. Saved as a whole. */
export function SsoPage() {
  const { t } = useStaffI18n();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState('');

  useEffect(() => {
    getRoleMappings().then(
      (loaded) => setRows(loaded.mappings.map(rowOf)),
      () => setFailed(true),
    );
  }, []);

  const change = (key: number, patch: Partial<RoleMapping>) =>
    setRows((current) => current?.map((row) => (row.key === key ? { ...row, ...patch } : row)) ?? null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!rows) return;
    setMessage('');
    const problems = rows
      .map((row, index) => (row.claimValue.trim() ? null : { fieldId: `sso-claim-${row.key}`, index }))
      .filter((p) => p !== null)
      .map((p) => ({ fieldId: p.fieldId, message: t('sso.claimRequired', { n: String(p.index + 1) }) }));
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      const saved = await putRoleMappings(
        rows.map(({ claimValue, role }) => ({ claimValue: claimValue.trim(), role })),
      );
      setRows(saved.mappings.map(rowOf));
      setMessage(t('config.saved'));
    } catch (error) {
      const fields = Object.fromEntries(rows.map((row, i) => [`body.mappings.${i}`, `sso-claim-${row.key}`]));
      setErrors(formErrorsOf(error, fields, 'sso-add', t('config.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };

  return (
    <>
      <BackToAdmin />
      <PageHeading>{t('sso.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('sso.help')}</p>
      {failed ? (
        <p className="utrecht-paragraph wp-error-text" role="alert">
          {t('config.failed')}
        </p>
      ) : null}
      {rows ? (
        <section className="wp-section wp-card" aria-labelledby="sso-rows-title">
          <h2 className="utrecht-heading-2" id="sso-rows-title">
            {t('sso.rows')}
          </h2>
          <ErrorSummary errors={errors} attempt={attempt} />
          <form noValidate onSubmit={submit} className="wp-stack" id="sso-form">
            {rows.length === 0 ? <p className="utrecht-paragraph">{t('sso.none')}</p> : null}
            {rows.map((row, index) => (
              <fieldset className="utrecht-form-fieldset wp-stack" key={row.key} data-row={index}>
                <legend className="utrecht-form-fieldset__legend">{t('sso.row', { n: String(index + 1) })}</legend>
                <FormField
                  id={`sso-claim-${row.key}`}
                  label={t('sso.claimValue')}
                  error={errorFor(errors, `sso-claim-${row.key}`)}
                >
                  {(a11y) => (
                    <input
                      {...a11y}
                      className="utrecht-textbox utrecht-textbox--html-input"
                      value={row.claimValue}
                      onChange={(e) => change(row.key, { claimValue: e.target.value })}
                    />
                  )}
                </FormField>
                <FormField id={`sso-role-${row.key}`} label={t('sso.role')}>
                  {(a11y) => (
                    <select
                      {...a11y}
                      className="utrecht-select utrecht-select--html-select"
                      value={row.role}
                      onChange={(e) => change(row.key, { role: e.target.value as MappableRole })}
                    >
                      {mappableRoles.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <div>
                  <button
                    type="button"
                    className="utrecht-button utrecht-button--secondary-action"
                    onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                  >
                    {t('sso.remove', { n: String(index + 1) })}
                  </button>
                </div>
              </fieldset>
            ))}
            <div className="wp-actions">
              <button
                type="button"
                id="sso-add"
                className="utrecht-button utrecht-button--secondary-action"
                onClick={() => setRows([...rows, rowOf({ claimValue: '', role: 'officer' })])}
              >
                {t('sso.add')}
              </button>
              <button type="submit" id="sso-save" className="utrecht-button utrecht-button--primary-action">
                {t('sso.save')}
              </button>
            </div>
          </form>
          <p className="utrecht-paragraph wp-ok-text" role="status">
            {message}
          </p>
        </section>
      ) : null}
    </>
  );
}
