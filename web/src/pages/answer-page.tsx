import { useState, type FormEvent } from 'react';
import { answerForm, sendAnswer } from '../api/reporter-links.ts';
import { ErrorSummary, type FormError } from '../components/error-summary.tsx';
import { FormField } from '../components/form-field.tsx';
import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import {
  LinkedReport,
  LinkStatus,
  ReporterText,
  StatusPageLink,
  linkStateOf,
  useReporterLink,
} from './reporter-link.tsx';

const MAX_TEXT = 2000;

/** `/antwoord/:token`, the link in the "waiting for you" e-mail: the question and a box for the answer. */
export function AnswerPage({ token }: { token: string }) {
  const { t } = useI18n();
  const state = useReporterLink(token, answerForm);
  const [sent, setSent] = useState(false);
  return (
    <>
      <PageHeading>{t('answer.title')}</PageHeading>
      <LinkStatus state={state} />
      {state.status === 'loaded' ? (
        <>
          <LinkedReport trackingCode={state.data.trackingCode} categoryName={state.data.category.name} />
          {state.data.question ? (
            <ReporterText title={t('answer.question')} text={state.data.question.text} at={state.data.question.at} />
          ) : null}
          {sent ? (
            <div className="utrecht-alert utrecht-alert--ok" role="status" id="answer-receipt">
              <p className="utrecht-paragraph">{t('answer.thanks')}</p>
            </div>
          ) : state.data.acceptsAnswer ? (
            <AnswerForm token={token} onSent={() => setSent(true)} />
          ) : (
            <div className="utrecht-alert utrecht-alert--info" role="status">
              <p className="utrecht-paragraph">{t('answer.notWaiting')}</p>
            </div>
          )}
          <StatusPageLink trackingCode={state.data.trackingCode} />
        </>
      ) : null}
    </>
  );
}

function AnswerForm({ token, onSent }: { token: string; onSent: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [];
    if (!text.trim()) found.push({ fieldId: 'answer-text', message: t('answer.required') });
    else if (text.length > MAX_TEXT) found.push({ fieldId: 'answer-text', message: t('answer.tooLong') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length) return;
    setSending(true);
    setFailure(null);
    try {
      await sendAnswer(token, { text });
      onSent();
    } catch (error) {
      const kind = linkStateOf(error);
      setFailure(t(kind === 'expired' ? 'link.expired' : kind === 'invalid' ? 'link.invalid' : 'link.failed'));
    } finally {
      setSending(false);
    }
  };

  return (
    <form noValidate onSubmit={submit} className="utrecht-form wp-section">
      <ErrorSummary errors={errors} attempt={attempt} />
      {failure ? (
        <div className="utrecht-alert utrecht-alert--error" role="alert">
          <p className="utrecht-paragraph">{failure}</p>
        </div>
      ) : null}
      <FormField
        id="answer-text"
        label={t('answer.label')}
        description={t('answer.description')}
        error={errors[0]?.message}
      >
        {(a11y) => (
          <textarea
            {...a11y}
            className="utrecht-textarea utrecht-textarea--html-textarea"
            rows={5}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        )}
      </FormField>
      <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={sending}>
        {t('answer.submit')}
      </button>
    </form>
  );
}
