/**
 * The analyst's views and the patrol plans. Every view is also an export: the same query with
 * `format=csv` (or `geojson` for the maps), so the download links are plain URLs the browser fetches.
 */
import { apiGet, apiPostJson, apiPostText } from './client.ts';
import type {
  AnalysisSource,
  AnalysisVisibility,
  CalendarToken,
  Forecast,
  HotspotMap,
  MyPatrolPlans,
  PatrolPlanEvaluation,
  PatrolPlanList,
  SurveyImportResult,
  TimeProfile,
  Unreported,
} from './contract.ts';

/** The filters the analyst sets once and every view shares. */
export interface AnalysisFilters {
  from: string;
  to: string;
  category: string;
  district: string;
  source: AnalysisSource;
  cellSize: number;
}

type View = 'hotspots' | 'time-profile' | 'forecast' | 'unreported' | 'visibility';
type Format = 'json' | 'csv' | 'geojson';

/** The query string of a view: only the filters that view takes, empty ones left out. */
export function analysisQuery(view: View, filters: AnalysisFilters, format: Format = 'json'): string {
  const params = new URLSearchParams();
  if (view === 'visibility') {
    if (filters.district) params.set('district', filters.district);
  } else {
    params.set('from', filters.from);
    params.set('to', filters.to);
    if (filters.category) params.set('category', filters.category);
    if (filters.district) params.set('district', filters.district);
    if (view !== 'unreported') params.set('source', view === 'forecast' ? 'reports' : filters.source);
    if (view === 'hotspots' || view === 'forecast') params.set('cellSize', String(filters.cellSize));
  }
  if (format !== 'json') params.set('format', format);
  return params.toString();
}

export const analysisUrl = (view: View, filters: AnalysisFilters, format: Format = 'json') =>
  `/api/v1/analysis/${view}?${analysisQuery(view, filters, format)}`;

export const hotspots = (f: AnalysisFilters, signal?: AbortSignal) =>
  apiGet<HotspotMap>(analysisUrl('hotspots', f), signal);
export const timeProfile = (f: AnalysisFilters, signal?: AbortSignal) =>
  apiGet<TimeProfile>(analysisUrl('time-profile', f), signal);
export const forecast = (f: AnalysisFilters, signal?: AbortSignal) =>
  apiGet<Forecast>(analysisUrl('forecast', f), signal);
export const unreported = (f: AnalysisFilters, signal?: AbortSignal) =>
  apiGet<Unreported>(analysisUrl('unreported', f), signal);
export const analysisVisibility = (f: AnalysisFilters, signal?: AbortSignal) =>
  apiGet<AnalysisVisibility>(analysisUrl('visibility', f), signal);

export const importSurveyCsv = (csv: string) =>
  apiPostText<SurveyImportResult>('/api/v1/analysis/surveys', csv, 'text/csv');

export const patrolPlans = (weekStart: string) =>
  apiGet<PatrolPlanList>(`/api/v1/patrol-plans?weekStart=${encodeURIComponent(weekStart)}`);
export const patrolPlanEvaluation = (planId: string) =>
  apiGet<PatrolPlanEvaluation>(`/api/v1/patrol-plans/${encodeURIComponent(planId)}/evaluation`);
export const myPatrolPlans = () => apiGet<MyPatrolPlans>('/api/v1/patrol-plans/mine');
export const rotateCalendarToken = () => apiPostJson<CalendarToken>('/api/v1/patrol-plans/calendar-token', {});
