import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { lookupAddress, suggestAddresses, type AddressSearch } from '../addresses/index.ts';
import type { OfferedSubcategory } from '../categories/index.ts';
import { createReport } from '../reports/index.ts';
import { authenticateClient } from './authenticate-client.ts';
import { findOfferedService } from './list-services.ts';
import { checkAnswers, collectAttributes, reporterName, serviceNotice, toOpen311Parameter } from './mapping.ts';
import { parseInput } from './parse-input.ts';
import { findPublicId } from './repository.ts';
import { resolveJurisdiction, type Jurisdiction } from './resolve-jurisdiction.ts';
import { serviceRequestInputSchema, type CreatedServiceRequest, type ServiceRequestInput } from './schemas.ts';

type Deps = { db: Db; clock: Clock; addressSearch: AddressSearch };

const asFields = (body: unknown): Record<string, unknown> =>
  body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};

/**
 * POST requests: files a report through the same intake, routing and storage as every other channel
 * (source open311). The key is checked first, so a caller without one learns nothing about the input.
 */
export async function createServiceRequest(
  deps: Deps,
  input: { fields: unknown; ip: string },
): Promise<CreatedServiceRequest[]> {
  const fields = asFields(input.fields);
  const apiKey = typeof fields.api_key === 'string' ? fields.api_key.trim() : undefined;
  const client = await authenticateClient(deps, apiKey || undefined);
  const params = parseInput(serviceRequestInputSchema, fields);
  const jurisdiction = await resolveJurisdiction(deps, params.jurisdiction_id);

  const problems: FieldProblem[] = [];
  let service: OfferedSubcategory | null = null;
  if (!params.service_code) problems.push({ name: 'service_code', reason: 'service_code was not provided' });
  else {
    service = await findOfferedService(deps, jurisdiction.code, params.service_code);
    if (!service)
      problems.push({
        name: 'service_code',
        reason: `unknown service "${params.service_code}"`,
        code: 'unknown_service',
      });
  }
  const answers = collectAttributes(fields);
  if (service) problems.push(...checkAnswers(service.questions, answers));
  problems.push(...locationProblems(params));
  if (problems.length > 0 || !service) throw invalid(problems);

  const place = await placeOf(deps, params, jurisdiction);
  const name = reporterName(params.first_name, params.last_name);
  const contact = params.email || params.phone || name;
  const body = {
    category: service.code,
    description: params.description ?? service.nameNl,
    source: 'open311',
    location: { type: 'Point', coordinates: place.coordinates },
    ...(place.address ? { address: place.address } : {}),
    ...(contact
      ? { reporter: { email: params.email, phone: params.phone, name, consentToShareWithPartners: false } }
      : {}),
  };
  const channel = {
    source: 'open311' as const,
    municipalityCode: jurisdiction.code,
    label: `Open311: ${client.name}`,
    mediaUrl: params.media_url ?? null,
    answers: Object.keys(answers).length > 0 ? answers : null,
  };
  const { report } = await inOpen311Terms(() =>
    createReport(deps, {
      body,
      contentCrs: undefined,
      caller: { staff: null, ip: input.ip, channel },
      idempotencyKey: undefined,
    }),
  );
  const publicId = await findPublicId(deps.db, report.id);
  if (!publicId) throw new Error('a stored report has no public id');
  return [
    {
      service_request_id: publicId,
      service_notice: serviceNotice(new Date(report.deadline), jurisdiction.timeZone),
      account_id: null,
    },
  ];
}

function invalid(problems: FieldProblem[]): DomainError {
  return new DomainError('validation', `${problems.length} parameter problem(s)`, problems);
}

function locationProblems(params: ServiceRequestInput): FieldProblem[] {
  const hasLat = params.lat !== undefined;
  const hasLong = params.long !== undefined;
  if (hasLat !== hasLong) return [{ name: hasLat ? 'long' : 'lat', reason: 'lat and long are given together' }];
  if (hasLat || params.address_id || params.address_string) return [];
  return [{ name: 'lat/long', reason: 'lat and long, address_string or address_id is required', code: 'required' }];
}

/**
 * The point and the address text: lat/long as sent (with address_string kept as the address text), or the
 * address service's point for address_id, or for the best match of address_string within the jurisdiction.
 */
async function placeOf(
  deps: Deps,
  params: ServiceRequestInput,
  jurisdiction: Jurisdiction,
): Promise<{ coordinates: [number, number]; address: string | undefined }> {
  if (params.lat !== undefined && params.long !== undefined)
    return { coordinates: [params.long, params.lat], address: params.address_string };
  let addressId = params.address_id;
  if (!addressId) {
    const { items } = await suggestAddresses(deps, {
      q: params.address_string ?? '',
      municipalityCode: jurisdiction.code,
      limit: 1,
    });
    addressId = items[0]?.id;
    if (!addressId)
      throw invalid([
        { name: 'address_string', reason: `no address found in ${jurisdiction.name}`, code: 'unknown_address' },
      ]);
  }
  const parameter = params.address_id ? 'address_id' : 'address_string';
  try {
    const address = await lookupAddress(deps, addressId);
    return { coordinates: address.location.coordinates, address: address.label };
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found')
      throw invalid([{ name: parameter, reason: 'unknown address', code: 'unknown_address' }]);
    if (error instanceof DomainError && error.code === 'outside_municipality')
      throw new DomainError('outside_municipality', `The address is outside ${jurisdiction.name}.`, [
        { name: parameter, reason: `not within ${jurisdiction.name}`, code: 'outside_municipality' },
      ]);
    throw error;
  }
}

/** The intake names its fields as /api/v1 does (body.category, …); a client sent Open311 parameters. */
async function inOpen311Terms<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof DomainError) || error.fieldProblems.length === 0) throw error;
    const problems = error.fieldProblems.map((p) => ({ ...p, name: toOpen311Parameter(p.name) }));
    throw new DomainError(error.code, error.detail, problems);
  }
}
