import type { ReportStatus } from '../../api/contract.ts';
import { openStatuses } from './workflow.ts';

/** The worklist's filters, as its URL holds them, so a link (the team board's counts) opens a filtered list. */
export interface QueueFilters {
  /** `open`: every open status; `all`: no status filter; else one status. */
  status: 'open' | 'all' | ReportStatus;
  categoryCode: string;
  districtCode: string;
  source: string;
  overdue: '' | 'true' | 'false';
  /** `kind:id` of one holder, or `mine` for what I, my team or my coordinator group's queue hold. */
  holder: string;
  search: string;
  sort: 'deadline' | 'created' | 'updated';
}

export const queueSorts = ['deadline', 'created', 'updated'] as const;

export const defaultFilters: QueueFilters = {
  status: 'open',
  categoryCode: '',
  districtCode: '',
  source: '',
  overdue: '',
  holder: '',
  search: '',
  sort: 'deadline',
};

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;

export function filtersFromUrl(search: string, statuses: readonly ReportStatus[]): QueueFilters {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() ?? '';
  return {
    status: pick(params.get('status'), ['open', 'all', ...statuses], 'open'),
    categoryCode: text('categoryCode'),
    districtCode: text('districtCode'),
    source: text('source'),
    overdue: pick(params.get('overdue'), ['true', 'false'], ''),
    holder: text('holder'),
    search: text('search'),
    sort: pick(params.get('sort'), queueSorts, 'deadline'),
  };
}

/** Only what differs from the defaults, so the links stay short and readable. */
export function filtersToUrl(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [keyof QueueFilters, string][]) {
    if (value !== defaultFilters[key]) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The worklist link for one holder's open reports, optionally only the overdue ones. */
export function holderLink(kind: string, id: string, overdueOnly = false): string {
  return `/werkvoorraad${filtersToUrl({ ...defaultFilters, holder: `${kind}:${id}`, overdue: overdueOnly ? 'true' : '' })}`;
}

export function districtLink(districtCode: string, overdueOnly = false): string {
  return `/werkvoorraad${filtersToUrl({ ...defaultFilters, districtCode, overdue: overdueOnly ? 'true' : '' })}`;
}

/** The filters as GET /api/v1/reports takes them. */
export function filtersToApi(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams({ sort: filters.sort });
  if (filters.status === 'open') params.set('status', openStatuses.join(','));
  else if (filters.status !== 'all') params.set('status', filters.status);
  if (filters.categoryCode) params.set('categoryCode', filters.categoryCode);
  if (filters.districtCode) params.set('districtCode', filters.districtCode);
  if (filters.source) params.set('source', filters.source);
  if (filters.overdue) params.set('overdue', filters.overdue);
  if (filters.search.length >= 2) params.set('search', filters.search);
  if (filters.holder === 'mine') params.set('heldByMe', 'true');
  else if (filters.holder.includes(':')) {
    const [kind, id] = filters.holder.split(':');
    params.set('assigneeKind', kind!);
    params.set('assigneeId', id!);
  }
  return params;
}
