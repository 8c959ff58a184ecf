/** The settings area: a municipality's own settings as its administrator changes them. */
export { getMunicipalitySettings, updateMunicipalitySettings } from './municipality-settings.ts';
export type { MunicipalitySettings, UpdateSettingsBody } from './schemas.ts';
