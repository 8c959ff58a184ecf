import { readFile } from 'node:fs/promises';
import type { Db, Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  parseFeatureCollection,
  readBoroughs,
  readDistricts,
  readNeighbourhoods,
  slugify,
  type BoroughRecord,
  type DistrictRecord,
  type NeighbourhoodRecord,
} from './cbs-geojson.ts';
import { invalidateDistrictLocator } from './district-locator.ts';
import * as repo from './repository.ts';

export type ImportProgress = (done: number, total: number) => void;

export interface MunicipalityInput {
  code?: string;
  name?: string;
  slug?: string;
  jurisdictionId?: string | null;
}

export interface GeographyImportInput {
  municipality: MunicipalityInput;
  districts: DistrictRecord[];
  neighbourhoods?: NeighbourhoodRecord[];
  /** Without boroughs, districts keep the borough they had (or none): boroughs are never invented. */
  boroughs?: BoroughRecord[];
}

export interface GeographyImportResult {
  municipalityCode: string;
  boroughs: number;
  districts: number;
  neighbourhoods: number;
  skipped: Array<{ code: string; reason: string }>;
}

/** The port an online source of CBS wijken and buurten implements (see src/integrations/pdok-cbs.ts). */
export interface CbsGeographySource {
  readonly description: string;
  fetchDistricts(municipalityCode: string): Promise<unknown>;
  fetchNeighbourhoods(municipalityCode: string): Promise<unknown>;
}

function resolveMunicipality(input: MunicipalityInput, districts: DistrictRecord[]) {
  const codes = [...new Set(districts.map((d) => d.municipalityCode))];
  const code = input.code ?? (codes.length === 1 ? codes[0] : undefined);
  if (!code || !/^GM\d{4}$/.test(code)) {
    throw new DomainError(
      'validation',
      `Give the municipality code (GM + 4 digits); the districts name ${codes.join(', ') || 'none'}.`,
      [{ name: 'municipality.code', reason: 'required as GM followed by 4 digits' }],
    );
  }
  const name =
    input.name ??
    districts.find((d) => d.municipalityCode === code && d.municipalityName)?.municipalityName ??
    undefined;
  if (!name)
    throw new DomainError('validation', `Give the name of municipality ${code}; the data does not contain it.`, [
      { name: 'municipality.name', reason: 'required' },
    ]);
  return { code, name, slug: input.slug ?? slugify(name), jurisdictionId: input.jurisdictionId ?? null };
}

/**
 * CBS codes name one municipality's wijken and buurten; the same code under another municipality is a mistake in
 * the data (or the wrong file), and an upsert would move the district away, or die on a foreign key. Refused first.
 */
async function refuseOtherMunicipalitiesCodes(
  db: Queryable,
  municipalityCode: string,
  districts: DistrictRecord[],
  neighbourhoods: NeighbourhoodRecord[],
): Promise<void> {
  const taken = await repo.codesOfOtherMunicipalities(db, municipalityCode, {
    districts: districts.map((d) => d.code),
    neighbourhoods: neighbourhoods.map((n) => n.code),
  });
  if (taken.length === 0) return;
  const shown = taken.slice(0, 20).map((row) => `${row.code} (${row.municipality_code})`);
  const more = taken.length > shown.length ? ` and ${taken.length - shown.length} more` : '';
  throw new DomainError(
    'conflict',
    `${taken.length} district or neighbourhood code(s) already belong to another municipality: ${shown.join(', ')}${more}. ` +
      `Nothing was imported for ${municipalityCode}; check the file and the municipality code.`,
  );
}

/**
 * Loads one municipality with its boroughs, districts and neighbourhoods in one transaction.
 * Idempotent: every row is upserted by its CBS code. Water-only wijken/buurten are skipped.
 */
export async function importGeography(
  deps: { db: Db },
  input: GeographyImportInput,
  onProgress?: ImportProgress,
): Promise<GeographyImportResult> {
  const municipality = resolveMunicipality(input.municipality, input.districts);
  const skipped: GeographyImportResult['skipped'] = [];
  const districts = input.districts.filter((d) => {
    if (d.municipalityCode !== municipality.code)
      skipped.push({ code: d.code, reason: `belongs to ${d.municipalityCode}` });
    else if (d.waterOnly) skipped.push({ code: d.code, reason: 'water only' });
    else return true;
    return false;
  });
  if (districts.length === 0)
    throw new DomainError('validation', `No land districts of ${municipality.code} in the data.`);
  const districtCodes = new Set(districts.map((d) => d.code));
  const neighbourhoods = (input.neighbourhoods ?? []).filter((n) => {
    if (n.municipalityCode !== municipality.code)
      skipped.push({ code: n.code, reason: `belongs to ${n.municipalityCode}` });
    else if (n.waterOnly) skipped.push({ code: n.code, reason: 'water only' });
    else if (!districtCodes.has(n.districtCode))
      skipped.push({ code: n.code, reason: `district ${n.districtCode} not imported` });
    else return true;
    return false;
  });
  const boroughs = input.boroughs ?? [];
  const total = boroughs.length + districts.length + neighbourhoods.length;
  let done = 0;
  const tick = () => onProgress?.(++done, total);
  onProgress?.(0, total);

  await deps.db.transaction(async (tx) => {
    await refuseOtherMunicipalitiesCodes(tx, municipality.code, districts, neighbourhoods);
    await repo.upsertMunicipality(tx, municipality);
    const boroughOfDistrict = new Map<string, string>();
    for (const borough of boroughs) {
      const id = await repo.upsertBorough(tx, municipality.code, borough);
      for (const code of borough.districtCodes) boroughOfDistrict.set(code, id);
      tick();
    }
    for (const d of districts) {
      const boroughId = boroughOfDistrict.get(d.code) ?? null;
      await repo.upsertDistrict(tx, {
        ...d,
        municipalityCode: municipality.code,
        boroughId,
        keepBorough: input.boroughs === undefined,
      });
      tick();
    }
    for (const n of neighbourhoods) {
      await repo.upsertNeighbourhood(tx, n);
      tick();
    }
    await repo.refreshBoroughGeometries(tx, municipality.code);
  });
  invalidateDistrictLocator(deps.db);
  return {
    municipalityCode: municipality.code,
    boroughs: boroughs.length,
    districts: districts.length,
    neighbourhoods: neighbourhoods.length,
    skipped,
  };
}

async function readCollection(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new DomainError('validation', `Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parseFeatureCollection(JSON.parse(text), path);
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('validation', `${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export interface GeographyFiles {
  districts: string;
  neighbourhoods?: string | undefined;
  boroughs?: string | undefined;
}

/** CBS GeoJSON files (CRS84 or RD, per their `crs` member) → the database. */
export async function importGeographyFromFiles(
  deps: { db: Db },
  files: GeographyFiles,
  municipality: MunicipalityInput = {},
  onProgress?: ImportProgress,
): Promise<GeographyImportResult> {
  const districts = readDistricts(await readCollection(files.districts), files.districts);
  const neighbourhoods = files.neighbourhoods
    ? readNeighbourhoods(await readCollection(files.neighbourhoods), files.neighbourhoods)
    : undefined;
  const boroughs = files.boroughs ? readBoroughs(await readCollection(files.boroughs), files.boroughs) : undefined;
  return importGeography(deps, { municipality, districts, neighbourhoods, boroughs }, onProgress);
}

/** Wijken and buurten of one municipality from an online CBS source (PDOK). */
export async function importGeographyFromSource(
  deps: { db: Db; source: CbsGeographySource },
  municipality: MunicipalityInput & { code: string },
  onProgress?: ImportProgress,
): Promise<GeographyImportResult> {
  const [districtJson, neighbourhoodJson] = await Promise.all([
    deps.source.fetchDistricts(municipality.code),
    deps.source.fetchNeighbourhoods(municipality.code),
  ]);
  const districts = readDistricts(
    parseFeatureCollection(districtJson, `${deps.source.description} wijken`),
    `${deps.source.description} wijken`,
  );
  const neighbourhoods = readNeighbourhoods(
    parseFeatureCollection(neighbourhoodJson, `${deps.source.description} buurten`),
    `${deps.source.description} buurten`,
  );
  return importGeography(deps, { municipality, districts, neighbourhoods }, onProgress);
}
