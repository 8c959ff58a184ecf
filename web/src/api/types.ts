/** Shapes of the API responses the UI reads, with normalisers where the contract leaves room. */

export interface UiConfig {
  municipalityCode: string;
  municipalityName: string;
  /** IANA zone of the municipality; null while it is not imported. */
  timeZone: string | null;
  mapTileUrl: string | null;
  mapAttribution: string;
  photoMaxBytes: number;
  photoMaxCount: number;
  descriptionMaxLength: number;
}

export interface CategoryOption {
  code: string;
  nameNl: string;
  nameEn: string;
}

export interface CategoryGroup extends CategoryOption {
  children: CategoryOption[];
}

export type LonLat = [number, number];

export interface PointGeometry {
  type: 'Point';
  coordinates: LonLat;
}

export interface LocateResult {
  districtCode: string;
  districtName: string;
  boroughName?: string | null;
}

export interface CreatedReport {
  id: string;
  trackingCode: string;
  status: string;
  createdAt: string;
  deadline: string;
  category: { code: string; name: string };
  district: { code: string; name: string };
  assignee: { id: string; name: string; kind: string };
  routing: { rule: string; reason: { nl: string; en: string } };
}

export interface PublicReport {
  trackingCode: string;
  status: string;
  categoryName: string | null;
  createdAt: string;
  updatedAt: string | null;
  deadline: string | null;
  closedAt: string | null;
}

/** A suggestion has an id to look up its point (GET /api/v1/addresses/{id}), or the point itself. */
export interface AddressSuggestion {
  id: string | null;
  label: string;
  point: LonLat | null;
}

export interface AddressDetail {
  id: string;
  label: string;
  location: PointGeometry;
  districtCode: string;
}

type Loose = Record<string, unknown>;

function listOf(value: unknown, ...keys: string[]): unknown[] {
  if (Array.isArray(value)) return value;
  if (value && typeof value === 'object') {
    for (const key of keys) {
      const inner = (value as Loose)[key];
      if (Array.isArray(inner)) return inner;
    }
  }
  return [];
}

function option(raw: Loose): CategoryOption {
  const code = String(raw.code ?? '');
  const nameNl = String(raw.nameNl ?? raw.name ?? code);
  return { code, nameNl, nameEn: String(raw.nameEn ?? nameNl) };
}

/** The public category tree: main categories with their subcategories (the codes a report takes). */
export function toCategoryGroups(body: unknown): CategoryGroup[] {
  return listOf(body, 'categories', 'items', 'data')
    .filter((raw): raw is Loose => !!raw && typeof raw === 'object')
    .map((raw) => ({
      ...option(raw),
      children: listOf(raw.children ?? raw.subcategories, 'items')
        .filter((c): c is Loose => !!c && typeof c === 'object')
        .map(option),
    }))
    .filter((group) => group.children.length > 0);
}

function pointOf(raw: Loose): LonLat | null {
  const geometry = (raw.location ?? raw.point ?? raw.geometry ?? raw.centroid) as Loose | undefined;
  const coordinates = geometry?.coordinates ?? raw.coordinates;
  if (Array.isArray(coordinates) && coordinates.length >= 2) return [Number(coordinates[0]), Number(coordinates[1])];
  if (typeof raw.centroide_ll === 'string') {
    const match = /POINT\(([-\d.]+) ([-\d.]+)\)/.exec(raw.centroide_ll);
    if (match) return [Number(match[1]), Number(match[2])];
  }
  if (typeof raw.lon === 'number' && typeof raw.lat === 'number') return [raw.lon, raw.lat];
  return null;
}

export function toAddressSuggestions(body: unknown): AddressSuggestion[] {
  return listOf(body, 'suggestions', 'items', 'results', 'docs')
    .filter((raw): raw is Loose => !!raw && typeof raw === 'object')
    .flatMap((raw) => {
      const point = pointOf(raw);
      const id = typeof raw.id === 'string' ? raw.id : null;
      const label = String(raw.label ?? raw.displayName ?? raw.weergavenaam ?? raw.address ?? '');
      return label && (point || id) ? [{ id, label, point }] : [];
    });
}

export function toPublicReport(body: Loose, trackingCode: string): PublicReport {
  const category = body.category as Loose | string | undefined;
  const categoryName =
    typeof category === 'string'
      ? category
      : category
        ? String(category.name ?? category.nameNl ?? '') || null
        : ((body.categoryName as string | undefined) ?? null);
  const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : null);
  return {
    trackingCode: text('trackingCode') ?? trackingCode,
    status: String(body.status ?? ''),
    categoryName,
    createdAt: String(body.createdAt ?? ''),
    updatedAt: text('updatedAt'),
    deadline: text('deadline'),
    closedAt: text('closedAt'),
  };
}
