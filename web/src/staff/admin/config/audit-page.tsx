import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { AuditEntry } from '../../../api/contract.ts';
import { auditCsvUrl, listAuditLog, type AuditFilters } from '../../../api/staff-admin-config.ts';
import { FormField } from '../../../components/form-field.tsx';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';

const textFilters = [
  ['action', 'audit.action'],
  ['recordKind', 'audit.recordKind'],
  ['recordId', 'audit.recordId'],
  ['userId', 'audit.userId'],
] as const;

/** A date input's day as the start of that day in the browser's zone, for the API's period. */
const dayStart = (day: string) => (day ? new Date(`${day}T00:00`).toISOString() : '');
const dayAfter = (day: string) => (day ? new Date(new Date(`${day}T00:00`).getTime() + 86_400_000).toISOString() : '');

/** The audit log of the municipality: filters, keyset pages ("load more") and the same selection as CSV. */
export function AuditPage() {
  const { t, formatShort } = useStaffI18n();
  const [draft, setDraft] = useState({ action: '', recordKind: '', recordId: '', userId: '', from: '', to: '' });
  const [filters, setFilters] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState('');

  const load = useCallback(
    (chosen: AuditFilters, cursor?: string) => {
      listAuditLog(chosen, cursor).then(
        (page) => {
          setEntries((old) => (cursor && old ? [...old, ...page.entries] : page.entries));
          setNext(page.nextCursor);
          setFailed('');
        },
        () => setFailed(t('config.failed')),
      );
    },
    [t],
  );
  useEffect(() => load({}), [load]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const chosen: AuditFilters = {
      action: draft.action.trim(),
      recordKind: draft.recordKind.trim(),
      recordId: draft.recordId.trim(),
      userId: draft.userId.trim(),
      from: dayStart(draft.from),
      to: dayAfter(draft.to),
    };
    setFilters(chosen);
    load(chosen);
  };

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('audit.intro')}</p>
      <form noValidate onSubmit={submit} className="wp-filters" aria-label={t('audit.filter')}>
        {textFilters.map(([key, label]) => (
          <FormField key={key} id={`audit-${key}`} label={t(label)} optional>
            {(a11y) => (
              <input
                {...a11y}
                className="utrecht-textbox utrecht-textbox--html-input"
                value={draft[key]}
                onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
              />
            )}
          </FormField>
        ))}
        {(['from', 'to'] as const).map((key) => (
          <FormField key={key} id={`audit-${key}`} label={t(`audit.${key}`)} optional>
            {(a11y) => (
              <input
                {...a11y}
                type="date"
                className="utrecht-textbox utrecht-textbox--html-input"
                value={draft[key]}
                onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
              />
            )}
          </FormField>
        ))}
        <div className="wp-field">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            {t('audit.filter')}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph">
        <a className="utrecht-link utrecht-link--html-a" href={auditCsvUrl(filters)} download id="audit-csv">
          {t('audit.csv')}
        </a>
      </p>
      {failed ? (
        <p className="utrecht-paragraph wp-error-text" role="alert">
          {failed}
        </p>
      ) : null}
      {entries && entries.length === 0 ? <p className="utrecht-paragraph">{t('audit.none')}</p> : null}
      {entries && entries.length ? (
        <div className="wp-table-scroll" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="utrecht-table utrecht-table--html-table wp-table" id="audit-table">
            <caption className="utrecht-table__caption" id="audit-caption">
              {t('audit.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                {(['audit.at', 'audit.who', 'audit.what', 'audit.record', 'audit.outcome'] as const).map((key) => (
                  <th className="utrecht-table__header-cell" scope="col" key={key}>
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {entries.map((entry) => (
                <tr className="utrecht-table__row" key={entry.id}>
                  <td className="utrecht-table__cell">{formatShort(entry.at)}</td>
                  <td className="utrecht-table__cell">{entry.actor.name}</td>
                  <td className="utrecht-table__cell wp-mono">{entry.action}</td>
                  <td className="utrecht-table__cell">
                    {[entry.record.kind, entry.record.id].filter(Boolean).join(' ')}
                  </td>
                  <td className="utrecht-table__cell">{entry.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {next ? (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => load(filters, next)}
        >
          {t('audit.more')}
        </button>
      ) : null}
    </>
  );
}
