import { useMemo, useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field.tsx';
import { useAssigneeOptions } from '../reports/assignee-options.ts';
import { assign } from '../reports/report-actions.ts';
import { ReportList } from '../reports/report-list.tsx';
import { useReports } from '../reports/use-reports.ts';
import type { TeamBoard } from '../../api/contract.ts';
import { openStatuses } from '../reports/workflow.ts';
import { useStaffI18n } from '../staff-i18n.ts';

/** Pick an officer's open reports and hand the chosen ones to someone else, in one go. */
export function BulkReassign({ officers, onDone }: { officers: TeamBoard['officers']; onDone: () => void }) {
  const { t } = useStaffI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);
  const options = useAssigneeOptions();
  const query = useMemo(
    () => (from ? new URLSearchParams({ assigneeId: from, status: openStatuses.join(',') }).toString() : null),
    [from],
  );
  const { state, reload } = useReports(query);
  const reports = from && state.status === 'loaded' ? state.items : [];

  const toggle = (id: string) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const target = options.find((o) => o.value === to);
    if (!target || selected.size === 0) {
      setResult(t('bulk.chooseBoth'));
      return;
    }
    setBusy(true);
    let moved = 0;
    let failed = 0;
    for (const report of reports.filter((r) => selected.has(r.id))) {
      try {
        await assign(report, target, t('bulk.reason'));
        moved += 1;
      } catch {
        failed += 1;
      }
    }
    setBusy(false);
    setSelected(new Set());
    setResult(
      failed ? t('bulk.partly', { moved, failed, name: target.label }) : t('bulk.done', { moved, name: target.label }),
    );
    reload();
    onDone();
  };

  return (
    <section className="wp-section wp-card" aria-labelledby="bulk-title">
      <h2 className="utrecht-heading-2" id="bulk-title">
        {t('bulk.title')}
      </h2>
      <form noValidate onSubmit={submit} className="wp-stack">
        <FormField id="bulk-from" label={t('bulk.from')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
                setSelected(new Set());
              }}
            >
              <option value="">{t('detail.choose')}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {t('bulk.fromOption', { name: o.name, open: o.openReports })}
                </option>
              ))}
            </select>
          )}
        </FormField>
        {from ? (
          reports.length ? (
            <>
              <div className="wp-actions">
                <button
                  type="button"
                  className="utrecht-button utrecht-button--subtle wp-link-button"
                  onClick={() => setSelected(new Set(reports.map((r) => r.id)))}
                >
                  {t('bulk.selectAll')}
                </button>
              </div>
              <ReportList reports={reports} selectable={{ selected, toggle }} />
            </>
          ) : (
            <p className="utrecht-paragraph">{state.status === 'loading' ? t('shell.loading') : t('bulk.none')}</p>
          )
        ) : null}
        <FormField id="bulk-to" label={t('bulk.to')}>
          {(a11y) => (
            <select
              {...a11y}
              className="utrecht-select utrecht-select--html-select"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            >
              <option value="">{t('detail.choose')}</option>
              {options
                .filter((o) => o.id !== from)
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </select>
          )}
        </FormField>
        <div className="wp-actions">
          <button
            type="submit"
            id="bulk-save"
            className="utrecht-button utrecht-button--primary-action"
            disabled={busy}
          >
            {t('bulk.save', { count: selected.size })}
          </button>
        </div>
      </form>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="bulk-result">
        {result}
      </p>
    </section>
  );
}
