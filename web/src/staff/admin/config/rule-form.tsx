import { useState, type FormEvent } from 'react';
import type { RoutingRuleView } from '../../../api/contract.ts';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';

const codes = (text: string) =>
  text
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);

/**
 * Edits one rule on the page (name, categories, reasons); the change is saved with the whole set ("Save rules"),
 * so the server checks every rule at once. Other conditions and the target stay as they are.
 */
export function RuleForm({
  rule,
  onDone,
  onCancel,
}: {
  rule: RoutingRuleView;
  onDone: (rule: RoutingRuleView) => void;
  onCancel: () => void;
}) {
  const { t } = useStaffI18n();
  const [draft, setDraft] = useState({
    name: rule.name,
    categories: (rule.conditions.categoryCodes ?? []).join(', '),
    reasonNl: rule.reasonNl ?? '',
    reasonEn: rule.reasonEn ?? '',
  });
  const [nameError, setNameError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.name.trim()) {
      setNameError(t('routing.nameRequired'));
      return;
    }
    const { categoryCodes: _old, ...otherConditions } = rule.conditions;
    const categoryCodes = codes(draft.categories);
    onDone({
      ...rule,
      name: draft.name.trim(),
      conditions: categoryCodes.length ? { ...otherConditions, categoryCodes } : otherConditions,
      reasonNl: draft.reasonNl.trim() || null,
      reasonEn: draft.reasonEn.trim() || null,
    });
  };
  const field = (key: keyof typeof draft, label: string, error?: string) => (
    <FormField id={`rule-${key}`} label={label} error={error} optional={key !== 'name'}>
      {(a11y) => (
        <input
          {...a11y}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        />
      )}
    </FormField>
  );

  return (
    <section className="wp-section wp-card" aria-labelledby="rule-title">
      <h2 className="utrecht-heading-2" id="rule-title">
        {t('routing.editTitle', { name: rule.name })}
      </h2>
      <form noValidate onSubmit={submit} className="wp-stack">
        {field('name', t('routing.name'), nameError)}
        {field('categories', t('routing.categoryCodes'))}
        {field('reasonNl', t('routing.reasonNl'))}
        {field('reasonEn', t('routing.reasonEn'))}
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('routing.apply')}
          </button>{' '}
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
            {t('config.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
