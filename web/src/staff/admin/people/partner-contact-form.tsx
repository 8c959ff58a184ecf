import { useState, type FormEvent } from 'react';
import type { Team } from '../../../api/contract.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { errorFor, formErrorsOf } from '../config/problems.ts';
import { setTeamContact } from '../../../api/staff-admin-extras.ts';

/** A partner organisation's contact person, whom officers call when they forward; all fields empty removes it. */
export function PartnerContactForm({ team, onSaved }: { team: Team; onSaved: () => void }) {
  const { t } = useStaffI18n();
  const [draft, setDraft] = useState({
    name: team.contact?.name ?? '',
    phone: team.contact?.phone ?? '',
    email: team.contact?.email ?? '',
  });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const name = draft.name.trim();
    const phone = draft.phone.trim() || null;
    const email = draft.email.trim() || null;
    const problems: FormError[] = [];
    if (!name && (phone || email)) problems.push({ fieldId: 'contact-name', message: t('admin.partner.nameNeeded') });
    setErrors(problems);
    setAttempt((n) => n + 1);
    if (problems.length) return;
    try {
      await setTeamContact(team, name ? { name, phone, email } : null);
      setResult(name ? t('admin.saved') : t('admin.partner.contactRemoved'));
      onSaved();
    } catch (error) {
      const fields = {
        'body.contact.name': 'contact-name',
        'body.contact.phone': 'contact-phone',
        'body.contact.email': 'contact-email',
      };
      setErrors(formErrorsOf(error, fields, 'contact-name', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const field = (key: keyof typeof draft, label: string, type: 'text' | 'tel' | 'email', optional: boolean) => (
    <FormField id={`contact-${key}`} label={label} optional={optional} error={errorFor(errors, `contact-${key}`)}>
      {(a11y) => (
        <input
          {...a11y}
          type={type}
          autoComplete="off"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        />
      )}
    </FormField>
  );

  return (
    <form noValidate onSubmit={submit} className="wp-stack" aria-labelledby="contact-form-title">
      <h3 className="utrecht-heading-3" id="contact-form-title">
        {t('admin.partner.contactTitle', { name: team.name })}
      </h3>
      <p className="utrecht-paragraph">{t('admin.partner.contactHelp')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      {field('name', t('admin.partner.contactName'), 'text', false)}
      {field('phone', t('admin.partner.contactPhone'), 'tel', true)}
      {field('email', t('admin.partner.contactEmail'), 'email', true)}
      <div className="wp-actions">
        <button type="submit" id="contact-save" className="utrecht-button utrecht-button--primary-action">
          {t('admin.partner.contactSave')}
        </button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="contact-result">
        {result}
      </p>
    </form>
  );
}
