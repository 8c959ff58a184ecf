import type { FieldProblem } from '../api/client.ts';
import type { CreatedReport, CreateReportBody } from '../api/contract.ts';
import type { FormError } from '../components/error-summary.tsx';
import type { ChosenLocation } from '../components/location-picker.tsx';
import type { Translate } from '../i18n/i18n.tsx';

export interface ReportDraft {
  category: string;
  location: ChosenLocation;
  description: string;
  photos: File[];
  email: string;
  phone: string;
  consent: boolean;
}

export const emptyDraft: ReportDraft = {
  category: '',
  location: { point: null, address: null, locate: { status: 'idle' } },
  description: '',
  photos: [],
  email: '',
  phone: '',
  consent: false,
};

/** The id of the element each field's error message links to. */
export const fieldIds = {
  category: 'category',
  location: 'location-map',
  description: 'description',
  photos: 'photos',
  email: 'email',
  phone: 'phone',
  submit: 'submit-report',
} as const;

export type FieldName = keyof typeof fieldIds;
export type FieldErrors = Partial<Record<FieldName, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{8,20}$/;

export function validateDraft(
  draft: ReportDraft,
  t: Translate,
  maxDescription: number,
  municipality: string,
): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.category) errors.category = t('category.required');
  if (!draft.location.point) errors.location = t('location.required');
  else if (draft.location.locate.status === 'outside') errors.location = t('location.outsideError', { municipality });
  const description = draft.description.trim();
  if (!description) errors.description = t('description.required');
  else if (draft.description.length > maxDescription)
    errors.description = t('description.tooLong', { max: maxDescription });
  if (draft.email.trim() && !EMAIL.test(draft.email.trim())) errors.email = t('contact.emailInvalid');
  const phoneDigits = draft.phone.replace(/\D/g, '');
  if (draft.phone.trim() && (!PHONE.test(draft.phone.trim()) || phoneDigits.length < 8))
    errors.phone = t('contact.phoneInvalid');
  return errors;
}

/** The POST /api/v1/reports body; contact details only when the resident gave them, with the form's language for e-mails. */
export function reportBody(draft: ReportDraft, language: 'nl' | 'en' = 'nl'): CreateReportBody {
  const email = draft.email.trim();
  const phone = draft.phone.trim();
  return {
    category: draft.category,
    description: draft.description.trim(),
    location: { type: 'Point' as const, coordinates: draft.location.point! },
    ...(draft.location.address ? { address: draft.location.address } : {}),
    ...(email || phone
      ? {
          reporter: {
            ...(email ? { email, language } : {}),
            ...(phone ? { phone } : {}),
            consentToShareWithPartners: draft.consent,
          },
        }
      : {}),
  };
}

/** The server lists every field problem (invalidParams); each goes to the field it is about. */
export function serverFieldErrors(problems: FieldProblem[], t: Translate, maxDescription: number): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of problems) {
    const name = problem.name.replace(/^body\./, '');
    if (name.startsWith('category')) errors.category ??= t('category.required');
    else if (name.startsWith('location')) errors.location ??= t('location.required');
    else if (name.startsWith('description')) errors.description ??= t('description.tooLong', { max: maxDescription });
    else if (name.startsWith('reporter.email')) errors.email ??= t('contact.emailInvalid');
    else if (name.startsWith('reporter.phone')) errors.phone ??= t('contact.phoneInvalid');
    else errors.submit ??= problem.reason;
  }
  return errors;
}

const order: FieldName[] = ['category', 'location', 'description', 'photos', 'email', 'phone', 'submit'];

export function summaryOf(errors: FieldErrors): FormError[] {
  return order.flatMap((name) => (errors[name] ? [{ fieldId: fieldIds[name], message: errors[name] }] : []));
}

export interface Confirmation {
  report: CreatedReport;
  photos: { sent: number; failed: number };
}

const confirmationKey = (code: string) => `wijkpost.confirmation.${code}`;

/** Kept for this browser tab only: the confirmation page can be reloaded, nobody else sees it. */
export function saveConfirmation(confirmation: Confirmation) {
  try {
    sessionStorage.setItem(confirmationKey(confirmation.report.trackingCode), JSON.stringify(confirmation));
  } catch {
    // storage blocked: the page then shows the code from its address only
  }
}

export function loadConfirmation(code: string): Confirmation | null {
  try {
    const raw = sessionStorage.getItem(confirmationKey(code));
    return raw ? (JSON.parse(raw) as Confirmation) : null;
  } catch {
    return null;
  }
}
