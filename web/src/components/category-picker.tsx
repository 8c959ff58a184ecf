import { useEffect, useMemo, useState } from 'react';
import type { CategoryGroup, CategoryOption } from '../api/types.ts';
import { useI18n, type Language } from '../i18n/i18n.tsx';
import { FormField } from './form-field.tsx';

interface CategoryPickerProps {
  groups: CategoryGroup[] | null;
  failed: boolean;
  value: string;
  onChange: (code: string) => void;
  error?: string | undefined;
}

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function nameOf(option: CategoryOption, language: Language): string {
  return language === 'en' ? option.nameEn : option.nameNl;
}

/** Groups whose own name, or whose subcategories' names, contain every typed word. */
export function filterCategories(groups: CategoryGroup[], query: string, language: Language): CategoryGroup[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (!words.length) return groups;
  const matches = (text: string) => words.every((word) => fold(text).includes(word));
  return groups
    .map((group) => {
      const groupName = nameOf(group, language);
      return {
        ...group,
        children: group.children.filter((child) => matches(`${groupName} ${nameOf(child, language)} ${child.code}`)),
      };
    })
    .filter((group) => group.children.length > 0);
}

/**
 * Category choice with type-ahead: a search box narrows the grouped list below it. A native select
 * keeps it usable with every keyboard, screen reader and phone; one match is chosen at once.
 */
export function CategoryPicker({ groups, failed, value, onChange, error }: CategoryPickerProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const visible = useMemo(() => (groups ? filterCategories(groups, query, language) : []), [groups, query, language]);
  const visibleOptions = visible.flatMap((group) => group.children);
  const single = query.trim() && visibleOptions.length === 1 ? visibleOptions[0] : undefined;

  useEffect(() => {
    if (single && single.code !== value) onChange(single.code);
    // only when the match itself changes, so the resident can still pick something else by hand
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the match itself changes (see above)
  }, [single?.code]);

  const selected = groups?.flatMap((group) => group.children).find((option) => option.code === value);
  const selectedHidden = selected && !visibleOptions.some((option) => option.code === selected.code);

  let announcement = '';
  if (query.trim()) {
    if (single) announcement = t('category.oneMatch', { name: nameOf(single, language) });
    else if (visibleOptions.length === 0) announcement = t('category.noMatches');
    else announcement = t('category.matches', { count: visibleOptions.length });
  }

  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wp-section">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        <h2 className="utrecht-heading-2">{t('category.legend')}</h2>
      </legend>
      {failed ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <p className="utrecht-paragraph">{t('category.unavailable')}</p>
        </div>
      ) : null}
      <FormField
        id="category-search"
        label={t('category.searchLabel')}
        optional
        description={t('category.searchDescription')}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            autoComplete="off"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') event.preventDefault(); // typing, not sending the form
            }}
          />
        )}
      </FormField>
      <p className="wp-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <FormField id="category" label={t('category.label')} error={error}>
        {(a11y) => (
          <select
            {...a11y}
            className={`utrecht-select utrecht-select--html-select${error ? ' utrecht-select--invalid' : ''}`}
            value={value}
            onChange={(event) => onChange(event.target.value)}
          >
            <option value="">{t('category.choose')}</option>
            {selectedHidden && selected ? <option value={selected.code}>{nameOf(selected, language)}</option> : null}
            {visible.map((group) => (
              <optgroup key={group.code} label={nameOf(group, language)}>
                {group.children.map((child) => (
                  <option key={child.code} value={child.code}>
                    {nameOf(child, language)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </FormField>
    </fieldset>
  );
}
