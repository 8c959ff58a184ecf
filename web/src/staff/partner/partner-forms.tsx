import { useState, type FormEvent } from 'react';
import type { ReportDetail } from '../../api/contract.ts';
import { resolveReport, sendBackReport } from '../../api/staff-partner.ts';
import { FormField } from '../../components/form-field.tsx';
import type { StaffMessageKey } from '../staff-nl.ts';
import { useStaffI18n } from '../staff-i18n.ts';

interface TextActionProps {
  id: string;
  title: StaffMessageKey;
  label: StaffMessageKey;
  help: StaffMessageKey;
  required: StaffMessageKey;
  submit: StaffMessageKey;
  send: (text: string) => Promise<void>;
  onError: (error: unknown) => void;
}

/** A partner's action that needs a text: the text is required, and the form says so before anything is sent. */
function TextActionForm({ id, title, label, help, required, submit, send, onError }: TextActionProps) {
  const { t } = useStaffI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      setError(t(required));
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    setError(undefined);
    try {
      await send(text.trim());
      setText('');
    } catch (failure) {
      onError(failure);
    }
  };
  return (
    <form noValidate onSubmit={onSubmit} className="wp-section wp-stack" aria-labelledby={`${id}-title`}>
      <h2 className="utrecht-heading-2" id={`${id}-title`}>
        {t(title)}
      </h2>
      <FormField id={`${id}-text`} label={t(label)} description={t(help)} error={error}>
        {(a11y) => (
          <textarea
            {...a11y}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={3}
            maxLength={4000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        )}
      </FormField>
      <div className="wp-actions">
        <button type="submit" id={`${id}-save`} className="utrecht-button utrecht-button--secondary-action">
          {t(submit)}
        </button>
      </div>
    </form>
  );
}

export function SendBackForm(props: { report: ReportDetail; onSent: () => void; onError: (e: unknown) => void }) {
  return (
    <TextActionForm
      id="send-back"
      title="partner.sendBack"
      label="partner.sendBackReason"
      help="partner.sendBackHelp"
      required="partner.sendBackRequired"
      submit="partner.sendBackSave"
      send={async (reason) => {
        await sendBackReport(props.report, { reason });
        props.onSent();
      }}
      onError={props.onError}
    />
  );
}

export function ResolveForm(props: {
  report: ReportDetail;
  onDone: (report: ReportDetail) => void;
  onError: (e: unknown) => void;
}) {
  return (
    <TextActionForm
      id="resolve"
      title="partner.resolve"
      label="partner.resolveText"
      help="detail.statusTextHelp"
      required="partner.resolveRequired"
      submit="partner.resolveSave"
      send={async (textForReporter) => props.onDone(await resolveReport(props.report, { textForReporter }))}
      onError={props.onError}
    />
  );
}
