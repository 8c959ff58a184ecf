/** The geography area as other areas see it. */
export {
  toRd,
  toCrs84,
  parseCrs,
  pointGeometrySchema,
  pointToRd,
  coordinatesToRd,
  crsHeaderValue,
  type Crs,
  type PointGeometry,
} from './crs.ts';
export {
  getDistrictLocator,
  invalidateDistrictLocator,
  locatePoint,
  locateWith,
  type DistrictLocator,
  type LocatedPoint,
} from './district-locator.ts';
export {
  importGeography,
  importGeographyFromFiles,
  importGeographyFromSource,
  type CbsGeographySource,
  type GeographyImportResult,
  type ImportProgress,
} from './import-geography.ts';
export { findMunicipalityTimeZone } from './repository.ts';
