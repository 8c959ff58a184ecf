import { useCallback, useEffect, useState } from 'react';
import type { AdminCategory } from '../../../api/contract.ts';
import { listAdminCategories } from '../../../api/staff-admin-config.ts';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { CategoryForm } from './category-form.tsx';

/** The administrator's category screen: the whole tree (inactive included), change one, add a subcategory. */
export function CategoriesPage() {
  const { t, language } = useStaffI18n();
  const [categories, setCategories] = useState<AdminCategory[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [editing, setEditing] = useState<AdminCategory | null>(null);
  const [message, setMessage] = useState('');

  const load = useCallback(() => {
    listAdminCategories().then(
      (body) => setCategories(body.categories),
      () => setFailed(true),
    );
  }, []);
  useEffect(load, [load]);

  const nameOf = (c: AdminCategory) => (language === 'en' ? c.nameEn : c.nameNl);
  const mains = (categories ?? []).filter((c) => c.parentCode === null);
  const ordered = mains.flatMap((main) => [main, ...(categories ?? []).filter((c) => c.parentCode === main.code)]);
  const saved = (category: AdminCategory, text: string) => {
    setEditing(null);
    setMessage(text.replace('{name}', nameOf(category)));
    load();
  };

  return (
    <>
      <PageHeading>{t('categories.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('categories.intro')}</p>
      {failed ? (
        <p className="utrecht-paragraph wp-error-text" role="alert">
          {t('config.failed')}
        </p>
      ) : null}
      <p className="utrecht-paragraph wp-ok-text" role="status">
        {message}
      </p>
      {categories ? (
        <div className="wp-table-scroll" role="region" aria-labelledby="categories-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table wp-table" id="categories-table">
            <caption className="utrecht-table__caption" id="categories-caption">
              {t('categories.tableCaption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('categories.name')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('categories.deadline')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('categories.urgent')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('categories.public')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('categories.active')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('routing.actions')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {ordered.map((c) => (
                <tr className="utrecht-table__row" key={c.code} data-code={c.code}>
                  <th className="utrecht-table__header-cell" scope="row">
                    {c.parentCode ? <span aria-hidden="true">— </span> : null}
                    {nameOf(c)} <span className="wp-mono">({c.code})</span>
                  </th>
                  <td className="utrecht-table__cell">
                    {c.deadline ? `${c.deadline.amount} ${t(`categories.${c.deadline.unit}`)}` : ''}
                  </td>
                  <td className="utrecht-table__cell">{c.urgent ? t('config.yes') : t('config.no')}</td>
                  <td className="utrecht-table__cell">{c.public ? t('config.yes') : t('config.no')}</td>
                  <td className="utrecht-table__cell">{c.active ? t('config.yes') : t('config.no')}</td>
                  <td className="utrecht-table__cell">
                    <button
                      type="button"
                      className="utrecht-button utrecht-button--subtle wp-link-button"
                      onClick={() => {
                        setMessage('');
                        setEditing(c);
                      }}
                    >
                      {t('categories.edit', { name: nameOf(c) })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {editing ? (
        <CategoryForm
          key={editing.code}
          category={editing}
          mains={mains}
          onSaved={(c) => saved(c, t('config.saved'))}
          onCancel={() => setEditing(null)}
        />
      ) : categories ? (
        <CategoryForm category={null} mains={mains} onSaved={(c) => saved(c, t('categories.created'))} />
      ) : null}
    </>
  );
}
