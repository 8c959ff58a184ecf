import { useState, type FormEvent } from 'react';
import { FormField } from '../../components/form-field.tsx';
import type { ReportDetail, ReportStatus } from '../../api/contract.ts';
import { useStaffI18n } from '../staff-i18n.ts';
import { useAssigneeOptions } from './assignee-options.ts';
import { addNote, assign, changeStatus } from './report-actions.ts';
import { nextStatuses, reporterTextFor, textRequiredFor } from './workflow.ts';

/** The three changes an officer makes on a report: its status (with the text the reporter reads), a note, its assignee. */
export interface ActionProps {
  onDone: (report: ReportDetail) => void;
  onError: (error: unknown) => void;
}

export function StatusForm({ report, onDone, onError }: ActionProps & { report: ReportDetail }) {
  const { t } = useStaffI18n();
  const options = nextStatuses[report.status];
  const [status, setStatus] = useState<ReportStatus>(options[0]!);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const needsText = textRequiredFor.includes(status);
  const forReporter = reporterTextFor.includes(status);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (needsText && !text.trim()) {
      setError(t('detail.textRequired'));
      document.getElementById('status-text')?.focus();
      return;
    }
    setError(undefined);
    try {
      onDone(await changeStatus(report, status, text));
      setText('');
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="wp-section wp-stack" aria-labelledby="status-form-title">
      <h2 className="utrecht-heading-2" id="status-form-title">
        {t('detail.changeStatus')}
      </h2>
      <FormField id="new-status" label={t('detail.newStatus')}>
        {(a11y) => (
          <select
            {...a11y}
            className="utrecht-select utrecht-select--html-select"
            value={status}
            onChange={(e) => setStatus(e.target.value as ReportStatus)}
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {t(`status.${option}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField
        id="status-text"
        label={forReporter ? t('detail.statusTextRequired') : t('detail.statusTextInternal')}
        optional={!needsText}
        description={forReporter ? t('detail.statusTextHelp') : undefined}
        error={error}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <div className="wp-actions">
        <button type="submit" id="change-status" className="utrecht-button utrecht-button--primary-action">
          {t('detail.saveStatus')}
        </button>
      </div>
    </form>
  );
}

export function NoteForm({ reportId, onDone, onError }: ActionProps & { reportId: string }) {
  const { t } = useStaffI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('detail.noteRequired'));
      document.getElementById('note-text')?.focus();
      return;
    }
    setError(undefined);
    try {
      onDone(await addNote(reportId, text));
      setText('');
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="wp-section wp-stack" aria-labelledby="note-form-title">
      <h2 className="utrecht-heading-2" id="note-form-title">
        {t('detail.addNote')}
      </h2>
      <FormField id="note-text" label={t('detail.note')} error={error}>
        {(a11y) => (
          <textarea
            {...a11y}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <div className="wp-actions">
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          {t('detail.saveNote')}
        </button>
      </div>
    </form>
  );
}

export function AssignForm({ report, onDone, onError }: ActionProps & { report: ReportDetail }) {
  const { t } = useStaffI18n();
  const options = useAssigneeOptions().filter((option) => option.id !== report.assignee.id);
  const [target, setTarget] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = options.find((option) => option.value === target);
    if (!chosen) {
      setError(t('detail.assigneeRequired'));
      document.getElementById('assign-to')?.focus();
      return;
    }
    setError(undefined);
    try {
      onDone(await assign(report, chosen, text));
      setTarget('');
      setText('');
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form noValidate onSubmit={submit} className="wp-section wp-stack" aria-labelledby="assign-form-title">
      <h2 className="utrecht-heading-2" id="assign-form-title">
        {t('detail.reassign')}
      </h2>
      <FormField id="assign-to" label={t('detail.assignTo')} description={t('detail.assignHelp')} error={error}>
        {(a11y) => (
          <select
            {...a11y}
            className="utrecht-select utrecht-select--html-select"
            value={target}
            onChange={(e) => setTarget(e.target.value)}
          >
            <option value="">{t('detail.choose')}</option>
            <optgroup label={t('detail.colleagues')}>
              {options
                .filter((o) => o.kind === 'officer')
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
            <optgroup label={t('detail.teamsAndPartners')}>
              {options
                .filter((o) => o.kind !== 'officer')
                .map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
            </optgroup>
          </select>
        )}
      </FormField>
      <FormField id="assign-text" label={t('detail.assignText')} optional>
        {(a11y) => (
          <textarea
            {...a11y}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={2}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <div className="wp-actions">
        <button type="submit" id="assign-save" className="utrecht-button utrecht-button--secondary-action">
          {t('detail.saveAssign')}
        </button>
      </div>
    </form>
  );
}
