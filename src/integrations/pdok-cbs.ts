import type { CbsGeographySource } from '../domain/geography/index.ts';
import { DomainError } from '../shared/errors.ts';

/**
 * CBS Wijken en Buurten from the PDOK WFS (e.g. https://service.pdok.nl/cbs/wijkenbuurten/2024/wfs/v1_0).
 * Asks for GeoJSON in RD New, filtered on gemeentecode with an OGC filter (PDOK ignores
 * CQL_FILTER on this service), paged with count/startIndex. Features of other municipalities are
 * dropped again client-side, in case a server ignores the filter.
 */
export interface PdokCbsOptions {
  baseUrl: string;
  pageSize?: number;
  /** Guards against a server that ignores paging and keeps answering. */
  maxPages?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

interface WfsFeature {
  type: 'Feature';
  properties: Record<string, unknown> | null;
  geometry: unknown;
}

interface WfsPage {
  type?: string;
  features?: WfsFeature[];
  numberMatched?: number | string;
  numberReturned?: number;
}

const RD_CRS_MEMBER = { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } };

export class PdokCbsClient implements CbsGeographySource {
  private readonly pageSize: number;
  private readonly maxPages: number;
  private readonly timeoutMs: number;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: PdokCbsOptions) {
    this.pageSize = options.pageSize ?? 1000;
    this.maxPages = options.maxPages ?? 50;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.fetchImpl = options.fetch ?? fetch;
  }

  get description() {
    return `PDOK CBS WFS (${this.options.baseUrl})`;
  }

  fetchDistricts(municipalityCode: string) {
    return this.fetchLayer('wijkenbuurten:wijken', municipalityCode);
  }

  fetchNeighbourhoods(municipalityCode: string) {
    return this.fetchLayer('wijkenbuurten:buurten', municipalityCode);
  }

  /** One page URL; exported for the adapter test. */
  pageUrl(typeName: string, municipalityCode: string, startIndex: number): string {
    const url = new URL(this.options.baseUrl);
    const filter =
      '<Filter><PropertyIsEqualTo><PropertyName>gemeentecode</PropertyName>' +
      `<Literal>${municipalityCode}</Literal></PropertyIsEqualTo></Filter>`;
    const params: Record<string, string> = {
      service: 'WFS',
      version: '2.0.0',
      request: 'GetFeature',
      typeName,
      outputFormat: 'json',
      srsName: 'EPSG:28992',
      count: String(this.pageSize),
      startIndex: String(startIndex),
      filter,
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return url.toString();
  }

  private async fetchLayer(typeName: string, municipalityCode: string) {
    if (!/^GM\d{4}$/.test(municipalityCode)) {
      throw new DomainError('validation', `Not a CBS municipality code: ${municipalityCode}`, [
        { name: 'municipalityCode', reason: 'GM followed by 4 digits' },
      ]);
    }
    const features: WfsFeature[] = [];
    for (let page = 0; page < this.maxPages; page++) {
      const result = await this.fetchPage(this.pageUrl(typeName, municipalityCode, page * this.pageSize));
      const batch = result.features ?? [];
      features.push(...batch);
      const matched = Number(result.numberMatched);
      const complete =
        batch.length < this.pageSize || (Number.isFinite(matched) && page * this.pageSize + batch.length >= matched);
      if (complete) {
        return {
          type: 'FeatureCollection' as const,
          crs: RD_CRS_MEMBER,
          features: features.filter((f) => f.properties?.gemeentecode === municipalityCode),
        };
      }
    }
    throw new DomainError(
      'unavailable',
      `${this.description} kept returning pages for ${typeName} after ${this.maxPages} pages; giving up.`,
    );
  }

  private async fetchPage(url: string): Promise<WfsPage> {
    let response: Response;
    try {
      response = await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DomainError('unavailable', `${this.description} could not be reached: ${(error as Error).message}`);
    }
    if (!response.ok) throw new DomainError('unavailable', `${this.description} answered HTTP ${response.status}.`);
    const body = await response.text();
    try {
      const page = JSON.parse(body) as WfsPage;
      if (page.type !== 'FeatureCollection') throw new Error('not a FeatureCollection');
      return page;
    } catch {
      // WFS errors come back as an XML ExceptionReport with HTTP 200.
      throw new DomainError('unavailable', `${this.description} did not return GeoJSON: ${body.slice(0, 200)}`);
    }
  }
}
