/**
 * PDOK Locatieserver v3.1 adapter for the address-search port.
 * suggest: {base}/suggest?q=..&fq=type:adres&fq=gemeentecode:0392&rows=..
 * lookup:  {base}/lookup?id=..  (centroide_ll is "POINT(lon lat)")
 * Any network failure, timeout, non-2xx status or unexpected body becomes AddressSearchUnavailable.
 */
import { z } from 'zod';
import {
  AddressSearchUnavailable,
  type AddressRecord,
  type AddressSearch,
  type AddressSuggestion,
} from '../domain/addresses/index.ts';

export interface PdokLocatieserverOptions {
  baseUrl: string;
  timeoutMs: number;
}

const suggestResponseSchema = z.object({
  response: z.object({
    docs: z.array(z.object({ id: z.string(), weergavenaam: z.string(), type: z.string().optional() })),
  }),
});

const lookupResponseSchema = z.object({
  response: z.object({
    numFound: z.number().optional(),
    docs: z.array(
      z.object({
        id: z.string(),
        weergavenaam: z.string(),
        type: z.string().optional(),
        centroide_ll: z.string(),
        gemeentecode: z.string().optional(),
        wijkcode: z.string().optional(),
      }),
    ),
  }),
});

const wktPoint = /^POINT\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)$/;

function parsePoint(wkt: string): [number, number] {
  const match = wktPoint.exec(wkt.trim());
  if (!match) throw new AddressSearchUnavailable(`unexpected centroide_ll ${wkt}`);
  return [Number(match[1]), Number(match[2])];
}

export function createPdokLocatieserver(options: PdokLocatieserverOptions): AddressSearch {
  const base = options.baseUrl.replace(/\/+$/, '');

  async function getJson<T>(path: string, params: Array<[string, string]>, schema: z.ZodType<T>): Promise<T> {
    const url = `${base}/${path}?${new URLSearchParams(params).toString()}`;
    let response: Response;
    try {
      response = await fetch(url, {
        signal: AbortSignal.timeout(options.timeoutMs),
        headers: { accept: 'application/json' },
      });
    } catch (error) {
      throw new AddressSearchUnavailable(`PDOK ${path}: ${(error as Error).name}`);
    }
    if (!response.ok) throw new AddressSearchUnavailable(`PDOK ${path}: HTTP ${response.status}`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new AddressSearchUnavailable(`PDOK ${path}: body is not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new AddressSearchUnavailable(`PDOK ${path}: unexpected response shape`);
    return parsed.data;
  }

  return {
    async suggest({ text, municipalityCode, limit }): Promise<AddressSuggestion[]> {
      const gemeentecode = municipalityCode.replace(/^GM/, '');
      const body = await getJson(
        'suggest',
        [
          ['q', text],
          ['fq', 'type:adres'],
          ['fq', `gemeentecode:${gemeentecode}`],
          ['rows', String(limit)],
        ],
        suggestResponseSchema,
      );
      return body.response.docs.map((doc) => ({ id: doc.id, label: doc.weergavenaam }));
    },

    async lookup(id): Promise<AddressRecord | null> {
      const body = await getJson('lookup', [['id', id]], lookupResponseSchema);
      const doc = body.response.docs[0];
      if (!doc) return null;
      const [lon, lat] = parsePoint(doc.centroide_ll);
      return {
        id: doc.id,
        label: doc.weergavenaam,
        lon,
        lat,
        municipalityCode: doc.gemeentecode ? `GM${doc.gemeentecode}` : null,
        districtCode: doc.wijkcode ?? null,
      };
    },
  };
}
