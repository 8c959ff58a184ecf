import { useState, type FormEvent } from 'react';
import { feedbackForm, sendFeedback } from '../api/reporter-links.ts';
import type { FeedbackForm, FeedbackReceipt } from '../api/contract.ts';
import { ErrorSummary, type FormError } from '../components/error-summary.tsx';
import { FormField } from '../components/form-field.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';
import {
  LinkedReport,
  LinkStatus,
  ReporterText,
  StatusPageLink,
  linkStateOf,
  useReporterLink,
} from './reporter-link.tsx';

const MAX_TEXT = 1000;
const scores = [1, 2, 3, 4, 5] as const;

/** `/feedback/:token`, the link in the "resolved" e-mail: solved yes/no, satisfaction, free text. */
export function FeedbackPage({ token }: { token: string }) {
  const { t } = useI18n();
  const state = useReporterLink(token, feedbackForm);
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  return (
    <>
      <PageHeading>{t('feedback.title')}</PageHeading>
      <LinkStatus state={state} />
      {state.status === 'loaded' ? (
        <>
          <LinkedReport trackingCode={state.data.trackingCode} categoryName={state.data.category.name} />
          {state.data.reporterText ? (
            <ReporterText
              title={t('status.reporterText')}
              text={state.data.reporterText.text}
              at={state.data.reporterText.at}
            />
          ) : null}
          {receipt ? (
            <Receipt receipt={receipt} />
          ) : state.data.acceptsFeedback ? (
            <FeedbackFormView token={token} form={state.data} onSent={setReceipt} />
          ) : (
            <div className="utrecht-alert utrecht-alert--info" role="status">
              <p className="utrecht-paragraph">
                {t(state.data.feedbackGiven ? 'feedback.alreadyGiven' : 'feedback.notResolved')}
              </p>
            </div>
          )}
          <StatusPageLink trackingCode={state.data.trackingCode} />
        </>
      ) : null}
    </>
  );
}

function Receipt({ receipt }: { receipt: FeedbackReceipt }) {
  const { t } = useI18n();
  const key: MessageKey = receipt.reopened
    ? 'feedback.reopened'
    : receipt.tooLateToReopen
      ? 'feedback.tooLate'
      : 'feedback.thanks';
  return (
    <div className="utrecht-alert utrecht-alert--ok" role="status" id="feedback-receipt">
      <p className="utrecht-paragraph">{t(key)}</p>
    </div>
  );
}

function FeedbackFormView(props: { token: string; form: FeedbackForm; onSent: (receipt: FeedbackReceipt) => void }) {
  const { t, formatDateTime } = useI18n();
  const [solved, setSolved] = useState<boolean | null>(null);
  const [satisfaction, setSatisfaction] = useState<number | null>(null);
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const { reopenUntil, reopenPossible } = props.form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (solved === null) found.push({ fieldId: 'solved-yes', message: t('feedback.solvedRequired') });
    if (satisfaction === null) found.push({ fieldId: 'satisfaction-1', message: t('feedback.satisfactionRequired') });
    if (text.length > MAX_TEXT) found.push({ fieldId: 'feedback-text', message: t('feedback.textTooLong') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length || solved === null || satisfaction === null) return;
    setSending(true);
    setFailure(null);
    try {
      props.onSent(await sendFeedback(props.token, { solved, satisfaction, ...(text.trim() ? { text } : {}) }));
    } catch (error) {
      const kind = linkStateOf(error);
      setFailure(t(kind === 'expired' ? 'link.expired' : kind === 'invalid' ? 'link.invalid' : 'link.failed'));
    } finally {
      setSending(false);
    }
  };
  const errorFor = (fieldId: string) => errors.find((e) => e.fieldId === fieldId)?.message;

  return (
    <form noValidate onSubmit={submit} className="utrecht-form wp-section" aria-labelledby="feedback-form-title">
      <h2 className="utrecht-heading-2" id="feedback-form-title">
        {t('link.report')}
      </h2>
      <p className="utrecht-paragraph">{t('feedback.intro')}</p>
      <ErrorSummary errors={errors} attempt={attempt} />
      {failure ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <p className="utrecht-paragraph">{failure}</p>
        </div>
      ) : null}
      <Choices
        name="solved"
        legend={t('feedback.solvedLegend')}
        error={errorFor('solved-yes')}
        description={
          reopenUntil
            ? t(reopenPossible ? 'feedback.reopenUntil' : 'feedback.reopenPassed', {
                date: formatDateTime(reopenUntil),
              })
            : undefined
        }
        options={[
          { id: 'solved-yes', label: t('feedback.yes'), checked: solved === true, onChange: () => setSolved(true) },
          { id: 'solved-no', label: t('feedback.no'), checked: solved === false, onChange: () => setSolved(false) },
        ]}
      />
      <Choices
        name="satisfaction"
        legend={t('feedback.satisfactionLegend')}
        error={errorFor('satisfaction-1')}
        options={scores.map((score) => ({
          id: `satisfaction-${score}`,
          label: t(`feedback.satisfaction${score}`),
          checked: satisfaction === score,
          onChange: () => setSatisfaction(score),
        }))}
      />
      <FormField
        id="feedback-text"
        label={t('feedback.textLabel')}
        optional
        description={t('feedback.textDescription')}
        error={errorFor('feedback-text')}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={4}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={sending}>
        {t('feedback.submit')}
      </button>
    </form>
  );
}

interface Choice {
  id: string;
  label: string;
  checked: boolean;
  onChange: () => void;
}

/** A radio group as an NL Design System fieldset, its error and description tied to every button. */
function Choices(props: {
  name: string;
  legend: string;
  options: Choice[];
  error?: string | undefined;
  description?: string | undefined;
}) {
  const describedBy = [
    props.description ? `${props.name}-description` : null,
    props.error ? `${props.name}-error` : null,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset wp-field${props.error ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {props.legend}
      </legend>
      {props.description ? (
        <p className="utrecht-form-field-description" id={`${props.name}-description`}>
          {props.description}
        </p>
      ) : null}
      {props.error ? (
        <p className="utrecht-form-field-error-message" id={`${props.name}-error`}>
          {props.error}
        </p>
      ) : null}
      <div className="wp-choices">
        {props.options.map((option) => (
          <div className="wp-choice" key={option.id}>
            <input
              type="radio"
              className="utrecht-radio-button utrecht-radio-button--html-input"
              id={option.id}
              name={props.name}
              checked={option.checked}
              onChange={option.onChange}
              aria-invalid={props.error ? true : undefined}
            />
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={option.id}>
              {option.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
