/** The privacy area (data-subject requests) as other areas see it. */
export { findPersonalData } from './find-personal-data.ts';
export { erasePersonalData } from './erase-personal-data.ts';
export { normaliseEmail, normalisePhone } from './subject.ts';
export type { ErasureReceipt, PersonalDataExport, PrivacyRequestBody } from './schemas.ts';
