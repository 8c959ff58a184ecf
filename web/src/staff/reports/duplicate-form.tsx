import { useState, type FormEvent } from 'react';
import type { ReportDetail, ReportSummary } from '../../api/contract.ts';
import { listReports, markDuplicate } from '../../api/staff-reports.ts';
import { FormField } from '../../components/form-field.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import type { ActionProps } from './report-forms.tsx';
import { openStatuses } from './workflow.ts';

/** Close this report as a duplicate of an open one, found by tracking code or address. */
export function DuplicateForm({ report, onDone, onError }: ActionProps & { report: ReportDetail }) {
  const { t } = useStaffI18n();
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<ReportSummary[] | null>(null);
  const [mainId, setMainId] = useState('');
  const find = async () => {
    if (search.trim().length < 2) return;
    const query = new URLSearchParams({ search: search.trim(), status: openStatuses.join(','), limit: '10' });
    try {
      const page = await listReports(query);
      const others = page.items.filter((item) => item.id !== report.id);
      setFound(others);
      setMainId(others[0]?.id ?? '');
    } catch (error) {
      onError(error);
    }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!mainId) return void find();
    try {
      onDone(await markDuplicate(report, mainId));
    } catch (error) {
      onError(error);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="wp-section wp-stack" aria-labelledby="duplicate-form-title">
      <h2 className="utrecht-heading-2" id="duplicate-form-title">
        {t('detail.duplicate')}
      </h2>
      <FormField id="duplicate-search" label={t('detail.duplicateSearch')} description={t('detail.duplicateHelp')}>
        {(a11y) => (
          <input
            {...a11y}
            type="search"
            className="utrecht-textbox utrecht-textbox--html-input"
            value={search}
            maxLength={100}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void find();
              }
            }}
          />
        )}
      </FormField>
      <div className="wp-actions">
        <button
          type="button"
          id="duplicate-find"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => void find()}
        >
          {t('detail.duplicateFind')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {found && found.length === 0 ? <p className="utrecht-paragraph">{t('detail.duplicateNone')}</p> : null}
      </div>
      {found && found.length ? (
        <>
          <FormField id="duplicate-main" label={t('detail.duplicateChoose')}>
            {(a11y) => (
              <select
                {...a11y}
                className="utrecht-select utrecht-select--html-select"
                value={mainId}
                onChange={(e) => setMainId(e.target.value)}
              >
                {found.map((item) => (
                  <option key={item.id} value={item.id}>
                    {[item.trackingCode, item.category.name, item.address ?? item.district.name]
                      .filter(Boolean)
                      .join(' · ')}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="wp-actions">
            <button type="submit" id="duplicate-save" className="utrecht-button utrecht-button--primary-action">
              {t('detail.duplicateSave')}
            </button>
          </div>
        </>
      ) : null}
    </form>
  );
}
