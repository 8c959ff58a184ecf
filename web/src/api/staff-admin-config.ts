/** The administrator's configuration screens: categories, municipality settings, routing rules, the audit log. */
import { apiGet, apiPatchJson, apiPostJson, apiPutJson } from './client.ts';
import type {
  AdminCategory,
  AuditPage,
  CreateCategoryBody,
  MunicipalitySettings,
  RoutingPreview,
  RoutingPreviewBody,
  RoutingRuleInput,
  RoutingRuleView,
  UpdateCategoryBody,
  UpdateSettingsBody,
} from './contract.ts';

export const listAdminCategories = () => apiGet<{ categories: AdminCategory[] }>('/api/v1/categories');
export const createCategory = (body: CreateCategoryBody) => apiPostJson<AdminCategory>('/api/v1/categories', body);
export const updateCategory = (code: string, body: UpdateCategoryBody) =>
  apiPatchJson<AdminCategory>(`/api/v1/categories/${encodeURIComponent(code)}`, body);

export const getSettings = () => apiGet<MunicipalitySettings>('/api/v1/municipality/settings');
export const updateSettings = (body: UpdateSettingsBody) =>
  apiPatchJson<MunicipalitySettings>('/api/v1/municipality/settings', body);

export const listRoutingRules = () => apiGet<{ rules: RoutingRuleView[] }>('/api/v1/routing-rules');
export const replaceRoutingRules = (rules: RoutingRuleInput[]) =>
  apiPutJson<{ rules: RoutingRuleView[] }>('/api/v1/routing-rules', { rules });
export const previewRouting = (body: RoutingPreviewBody) =>
  apiPostJson<RoutingPreview>('/api/v1/routing/preview', body);

export interface AuditFilters {
  userId?: string;
  action?: string;
  recordKind?: string;
  recordId?: string;
  from?: string;
  to?: string;
}

/** The query string of the filters (empty ones left out); the CSV link uses the same one with format=csv. */
export function auditQuery(filters: AuditFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const listAuditLog = (filters: AuditFilters, cursor?: string) =>
  apiGet<AuditPage>(`/api/v1/audit-log${auditQuery(filters, cursor ? { cursor } : {})}`);
export const auditCsvUrl = (filters: AuditFilters) => `/api/v1/audit-log${auditQuery(filters, { format: 'csv' })}`;
