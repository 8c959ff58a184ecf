import type { CreateReportBody } from '../../api/contract.ts';
import type { LonLat } from '../../api/types.ts';
import type { FormError } from '../../components/error-summary.tsx';
import type { StaffTranslate } from '../staff-i18n.ts';

export interface IntakeDraft {
  point: LonLat | null;
  address: string | null;
  districtName: string | null;
  outside: boolean;
  category: string;
  description: string;
  phone: string;
  email: string;
  consent: boolean;
}

export const emptyDraft: IntakeDraft = {
  point: null,
  address: null,
  districtName: null,
  outside: false,
  category: '',
  description: '',
  phone: '',
  email: '',
  consent: false,
};

const PHONE = /^\+?[0-9 ()-]{6,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Every problem at once, in the order of the form (the error summary lists them top-down). */
export function intakeProblems(draft: IntakeDraft, t: StaffTranslate): FormError[] {
  const problems: FormError[] = [];
  if (draft.outside) problems.push({ fieldId: 'intake-address', message: t('intake.locationOutside') });
  else if (!draft.point) problems.push({ fieldId: 'intake-address', message: t('intake.locationRequired') });
  if (!draft.category) problems.push({ fieldId: 'category', message: t('intake.categoryRequired') });
  if (!draft.description.trim())
    problems.push({ fieldId: 'intake-description', message: t('intake.descriptionRequired') });
  if (draft.phone.trim() && !PHONE.test(draft.phone.trim()))
    problems.push({ fieldId: 'intake-phone', message: t('intake.phoneInvalid') });
  if (draft.email.trim() && !EMAIL.test(draft.email.trim()))
    problems.push({ fieldId: 'intake-email', message: t('intake.emailInvalid') });
  return problems;
}

/** Only for a draft without problems (intakeProblems), so it has a point. */
export function intakeBody(draft: IntakeDraft & { point: LonLat }, source: 'phone' | 'street'): CreateReportBody {
  const phone = draft.phone.trim();
  const email = draft.email.trim();
  return {
    category: draft.category,
    description: draft.description.trim(),
    source,
    location: { type: 'Point', coordinates: draft.point },
    ...(draft.address ? { address: draft.address } : {}),
    ...(phone || email
      ? {
          reporter: {
            ...(phone ? { phone } : {}),
            ...(email ? { email } : {}),
            consentToShareWithPartners: draft.consent,
          },
        }
      : {}),
  };
}
