import { useEffect, useRef, type MouseEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface FormError {
  /** The id of the field (or its first input) the message belongs to. */
  fieldId: string;
  message: string;
}

/**
 * The error summary above the form (NL Design System): it takes focus when it appears,
 * and each message links to its field.
 */
export function ErrorSummary({ errors, attempt }: { errors: FormError[]; attempt: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length) ref.current?.focus();
    // `attempt` moves focus back here on every failed submit, also when the errors stay the same.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- focus follows submit attempts, not the errors' content
  }, [attempt]);

  if (!errors.length) return null;

  const jump = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView({ block: 'center' });
    field.focus();
  };

  return (
    <div
      className="utrecht-alert utrecht-alert--error"
      role="group"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      ref={ref}
      id="error-summary"
    >
      <div className="utrecht-alert__content">
        <h2 className="utrecht-heading-2" id="error-summary-title">
          {t('form.errorSummaryTitle')}
        </h2>
        <ul className="utrecht-unordered-list">
          {errors.map((error) => (
            <li key={error.fieldId + error.message} className="utrecht-unordered-list__item">
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`#${error.fieldId}`}
                onClick={(event) => jump(event, error.fieldId)}
              >
                {error.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
