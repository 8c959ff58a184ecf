import { useEffect, useState } from 'react';
import type { AdminCategory, RoutingRuleInput, RoutingRuleView } from '../../../api/contract.ts';
import { listAdminCategories, listRoutingRules, replaceRoutingRules } from '../../../api/staff-admin-config.ts';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { formErrorsOf } from './problems.ts';
import { RuleForm } from './rule-form.tsx';
import { TryRouting } from './try-routing.tsx';

const toInput = (rule: RoutingRuleView): RoutingRuleInput => ({
  name: rule.name,
  active: rule.active,
  conditions: rule.conditions,
  target: { kind: rule.target.kind, id: rule.target.id },
  ...(rule.reasonNl !== null ? { reasonNl: rule.reasonNl } : {}),
  ...(rule.reasonEn !== null ? { reasonEn: rule.reasonEn } : {}),
});

function conditionsText(rule: RoutingRuleView, always: string): string {
  const c = rule.conditions;
  const parts = [
    ...(c.categoryCodes ?? []),
    ...(c.districtCodes ?? []),
    ...(c.boroughCodes ?? []),
    ...(c.sources ?? []),
    ...(c.weekdays ? [`dag ${c.weekdays.join(',')}`] : []),
    ...(c.timeFrom ? [`${c.timeFrom}–${c.timeTo}`] : []),
  ];
  return parts.length ? parts.join(', ') : always;
}

/** The ordered routing rules: move, switch on or off, save the whole set, and try a report against it. */
export function RoutingPage() {
  const { t } = useStaffI18n();
  const [saved, setSaved] = useState<RoutingRuleView[] | null>(null);
  const [rules, setRules] = useState<RoutingRuleView[]>([]);
  const [subcategories, setSubcategories] = useState<AdminCategory[]>([]);
  const [failed, setFailed] = useState(false);
  const [message, setMessage] = useState('');
  const [saveError, setSaveError] = useState('');
  const [editing, setEditing] = useState<number | null>(null);

  useEffect(() => {
    listRoutingRules().then(
      ({ rules: loaded }) => {
        setSaved(loaded);
        setRules(loaded);
      },
      () => setFailed(true),
    );
    listAdminCategories().then(
      ({ categories }) => setSubcategories(categories.filter((c) => c.parentCode !== null && c.active)),
      () => setFailed(true),
    );
  }, []);

  const changed = saved !== null && JSON.stringify(rules.map(toInput)) !== JSON.stringify(saved.map(toInput));
  const move = (index: number, by: -1 | 1) => {
    setEditing(null);
    setRules((list) => {
      const next = [...list];
      const [rule] = next.splice(index, 1);
      next.splice(index + by, 0, rule!);
      return next;
    });
  };
  const toggle = (index: number) =>
    setRules((list) => list.map((rule, i) => (i === index ? { ...rule, active: !rule.active } : rule)));
  const save = async () => {
    setMessage('');
    setSaveError('');
    try {
      const { rules: stored } = await replaceRoutingRules(rules.map(toInput));
      setSaved(stored);
      setRules(stored);
      setMessage(t('config.saved'));
    } catch (error) {
      setSaveError(
        formErrorsOf(error, {}, 'rules', t('config.saveFailed'))
          .map((e) => e.message)
          .join(' '),
      );
    }
  };

  return (
    <>
      <PageHeading>{t('routing.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('routing.intro')}</p>
      {failed ? (
        <p className="utrecht-paragraph wp-error-text" role="alert">
          {t('config.failed')}
        </p>
      ) : null}
      {saved && rules.length === 0 ? <p className="utrecht-paragraph">{t('routing.empty')}</p> : null}
      {rules.length ? (
        <div className="wp-table-scroll" role="region" aria-labelledby="rules-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table wp-table" id="rules-table">
            <caption className="utrecht-table__caption" id="rules-caption">
              {t('routing.rulesCaption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('routing.position')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('routing.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('routing.conditions')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('routing.target')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('routing.active')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('routing.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {rules.map((rule, index) => (
                <tr className="utrecht-table__row" key={rule.id}>
                  <td className="utrecht-table__cell">{index + 1}</td>
                  <th className="utrecht-table__header-cell" scope="row">
                    {rule.name}
                  </th>
                  <td className="utrecht-table__cell">{conditionsText(rule, t('routing.any'))}</td>
                  <td className="utrecht-table__cell">{rule.target.name ?? rule.target.id}</td>
                  <td className="utrecht-table__cell">
                    <input
                      type="checkbox"
                      className="utrecht-checkbox utrecht-checkbox--html-input"
                      aria-label={t('routing.activeLabel', { name: rule.name })}
                      checked={rule.active}
                      onChange={() => toggle(index)}
                    />
                  </td>
                  <td className="utrecht-table__cell">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      disabled={index === 0}
                      aria-label={t('routing.up', { name: rule.name })}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>{' '}
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--secondary-action"
                      disabled={index === rules.length - 1}
                      aria-label={t('routing.down', { name: rule.name })}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>{' '}
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle wp-link-button"
                      onClick={() => setEditing(index)}
                    >
                      {t('routing.edit', { name: rule.name })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing !== null && rules[editing] ? (
        <RuleForm
          key={rules[editing].id}
          rule={rules[editing]}
          onDone={(rule) => {
            setRules((list) => list.map((old, i) => (i === editing ? rule : old)));
            setEditing(null);
          }}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {changed ? <p className="utrecht-paragraph">{t('routing.unsaved')}</p> : null}
      {saved && rules.length ? (
        <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => void save()}>
          {t('routing.save')}
        </button>
      ) : null}
      <p className="utrecht-paragraph wp-ok-text" role="status">
        {message}
      </p>
      {saveError ? (
        <p className="utrecht-paragraph wp-error-text" role="alert">
          {saveError}
        </p>
      ) : null}
      {saved ? <TryRouting subcategories={subcategories} editedRules={changed ? rules.map(toInput) : null} /> : null}
    </>
  );
}
