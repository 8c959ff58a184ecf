import { useState, type FormEvent } from 'react';
import type { AdminCategory } from '../../../api/contract.ts';
import { createCategory, updateCategory } from '../../../api/staff-admin-config.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { errorFor, formErrorsOf } from './problems.ts';

const units = ['workdays', 'days'] as const;
type Unit = (typeof units)[number];

interface Draft {
  code: string;
  parentCode: string;
  nameNl: string;
  nameEn: string;
  amount: string;
  unit: Unit;
  urgent: boolean;
  public: boolean;
  active: boolean;
  sortOrder: string;
}

const draftOf = (category: AdminCategory | null, parentCode: string): Draft => ({
  code: category?.code ?? '',
  parentCode: category?.parentCode ?? parentCode,
  nameNl: category?.nameNl ?? '',
  nameEn: category?.nameEn ?? '',
  amount: String(category?.deadline?.amount ?? 5),
  unit: category?.deadline?.unit ?? 'workdays',
  urgent: category?.urgent ?? false,
  public: category?.public ?? true,
  active: category?.active ?? true,
  sortOrder: String(category?.sortOrder ?? 0),
});

/** Changes a category (`category` given) or adds a subcategory under one of `mains`. */
export function CategoryForm({
  category,
  mains,
  onSaved,
  onCancel,
}: {
  category: AdminCategory | null;
  mains: AdminCategory[];
  onSaved: (saved: AdminCategory) => void;
  onCancel?: () => void;
}) {
  const { t, language } = useStaffI18n();
  const prefix = category ? 'edit' : 'new';
  const id = (field: string) => `${prefix}-category-${field}`;
  const [draft, setDraft] = useState(() => draftOf(category, mains[0]?.code ?? ''));
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const hasDeadline = category === null || category.parentCode !== null;
  const name = category ? (language === 'en' ? category.nameEn : category.nameNl) : '';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const deadline = { amount: Number(draft.amount), unit: draft.unit };
    const shared = {
      nameNl: draft.nameNl.trim(),
      nameEn: draft.nameEn.trim(),
      urgent: draft.urgent,
      public: draft.public,
      sortOrder: Number(draft.sortOrder),
    };
    try {
      const saved = category
        ? await updateCategory(category.code, {
            ...shared,
            active: draft.active,
            ...(hasDeadline ? { deadline } : {}),
          })
        : await createCategory({ ...shared, code: draft.code.trim(), parentCode: draft.parentCode, deadline });
      setErrors([]);
      onSaved(saved);
    } catch (error) {
      const fields = {
        'body.code': id('code'),
        'body.parentCode': id('parent'),
        parentCode: id('parent'),
        'body.nameNl': id('name-nl'),
        'body.nameEn': id('name-en'),
        'body.deadline.unit': id('unit'),
        'body.deadline': id('amount'),
        deadline: id('amount'),
        'body.sortOrder': id('order'),
      };
      setErrors(formErrorsOf(error, fields, id('name-nl'), t('config.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };

  const text = (field: keyof Draft, fieldId: string, label: string, inputMode?: 'numeric') => (
    <FormField id={fieldId} label={label} error={errorFor(errors, fieldId)}>
      {(a11y) => (
        <input
          {...a11y}
          className="utrecht-textbox utrecht-textbox--html-input"
          inputMode={inputMode}
          value={String(draft[field])}
          onChange={(e) => set(field, e.target.value as never)}
        />
      )}
    </FormField>
  );
  const check = (field: 'urgent' | 'public' | 'active', label: string) => (
    <FormField id={id(field)} label={label} kind="checkbox">
      {(a11y) => (
        <input
          {...a11y}
          type="checkbox"
          className="utrecht-checkbox utrecht-checkbox--html-input"
          checked={draft[field]}
          onChange={(e) => set(field, e.target.checked)}
        />
      )}
    </FormField>
  );

  const titleId = id('title');
  return (
    <section className="wp-section wp-card" aria-labelledby={titleId}>
      <h2 className="utrecht-heading-2" id={titleId}>
        {category ? t('categories.editTitle', { name }) : t('categories.newTitle')}
      </h2>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form noValidate onSubmit={submit} className="wp-stack">
        {category ? null : (
          <>
            <FormField id={id('parent')} label={t('categories.parent')} error={errorFor(errors, id('parent'))}>
              {(a11y) => (
                <select
                  {...a11y}
                  className="utrecht-select utrecht-select--html-select"
                  value={draft.parentCode}
                  onChange={(e) => set('parentCode', e.target.value)}
                >
                  {mains.map((main) => (
                    <option key={main.code} value={main.code}>
                      {language === 'en' ? main.nameEn : main.nameNl}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            {text('code', id('code'), t('categories.code'))}
          </>
        )}
        {text('nameNl', id('name-nl'), t('categories.nameNl'))}
        {text('nameEn', id('name-en'), t('categories.nameEn'))}
        {hasDeadline ? (
          <>
            {text('amount', id('amount'), t('categories.amount'), 'numeric')}
            <FormField id={id('unit')} label={t('categories.unit')} error={errorFor(errors, id('unit'))}>
              {(a11y) => (
                <select
                  {...a11y}
                  className="utrecht-select utrecht-select--html-select"
                  value={draft.unit}
                  onChange={(e) => set('unit', e.target.value as Unit)}
                >
                  {units.map((unit) => (
                    <option key={unit} value={unit}>
                      {t(`categories.${unit}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
          </>
        ) : null}
        {check('urgent', t('categories.urgent'))}
        {check('public', t('categories.public'))}
        {category ? check('active', t('categories.active')) : null}
        {text('sortOrder', id('order'), t('categories.order'), 'numeric')}
        <div>
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {category ? t('config.save') : t('categories.create')}
          </button>{' '}
          {onCancel ? (
            <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={onCancel}>
              {t('config.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
