import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

export interface FieldA11y {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FormFieldProps {
  id: string;
  label: string;
  optional?: boolean;
  description?: ReactNode;
  error?: string | undefined;
  kind?: 'text' | 'checkbox';
  /** Extra ids that describe the input (a character counter). */
  describedBy?: string[];
  children: (a11y: FieldA11y) => ReactNode;
}

/**
 * NL Design System form field: the label above the input, "(niet verplicht)" on optional fields,
 * the description and the error message tied to the input with aria-describedby.
 */
export function FormField({
  id,
  label,
  optional,
  description,
  error,
  kind = 'text',
  describedBy = [],
  children,
}: FormFieldProps) {
  const { t } = useI18n();
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null, ...describedBy].filter(Boolean);
  const a11y: FieldA11y = { id };
  if (ids.length) a11y['aria-describedby'] = ids.join(' ');
  if (error) a11y['aria-invalid'] = true;
  const labelElement = (
    <label className={`utrecht-form-label${kind === 'checkbox' ? ' utrecht-form-label--checkbox' : ''}`} htmlFor={id}>
      {label}
      {optional ? <span className="wp-optional"> {t('form.optional')}</span> : null}
    </label>
  );
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--${kind} wp-field${error ? ' utrecht-form-field--invalid' : ''}`}
    >
      {kind === 'checkbox' ? (
        <>
          <div className="utrecht-form-field__input">{children(a11y)}</div>
          <div className="utrecht-form-field__label">{labelElement}</div>
        </>
      ) : (
        <div className="utrecht-form-field__label">{labelElement}</div>
      )}
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {error}
        </div>
      ) : null}
      {kind === 'checkbox' ? null : <div className="utrecht-form-field__input">{children(a11y)}</div>}
    </div>
  );
}
