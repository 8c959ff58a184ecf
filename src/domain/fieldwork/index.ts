/** The field-work area (observations, contacts, presence, visibility): what other areas may use. */
export { fieldworkReaders, visibilityReaders } from './readers.ts';
export { logObservation } from './log-observation.ts';
export { listObservations } from './list-observations.ts';
export { logContact } from './log-contact.ts';
export { startRound } from './start-round.ts';
export { stopRound } from './stop-round.ts';
export { districtVisibility } from './visibility.ts';
export { findObservation } from './repository-observations.ts';
export { MAX_ROUND_HOURS } from './repository-presence.ts';
export { importFieldwork, type FieldworkImport } from './import-fieldwork.ts';
export type { Contact, Counterpart, Observation, Round, Visibility } from './schemas.ts';
