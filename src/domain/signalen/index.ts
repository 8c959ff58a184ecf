/** The Signalen area: taking reports over from Signalen, and giving them back in its shape. */
export {
  importSignalen,
  type ImportSignalenOptions,
  type SignalenImportSummary,
  type SkippedSignal,
} from './import-signalen.ts';
export { parseCategoryMapping, type CategoryMapping } from './category-mapping.ts';
export { readSignals, type SignalenChunk } from './read-signals.ts';
export { skipCodes, type SkipCode } from './map-signal.ts';
export { listMunicipalityCodes } from './repository.ts';
export { exportSignalen } from './export-signalen.ts';
export * from './schemas.ts';
