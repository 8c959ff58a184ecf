/** A resident's own report: intake (with Idempotency-Key), its photos, and its status by tracking code. */
import { apiGet, apiPostForm, apiPostJson } from './client.ts';
import type { CreatedReport, CreateReportBody, PublicReportStatus, UploadReceipt } from './contract.ts';

export function createReport(body: CreateReportBody, idempotencyKey: string): Promise<CreatedReport> {
  return apiPostJson<CreatedReport>('/api/v1/reports', body, { 'Idempotency-Key': idempotencyKey });
}

const byTrackingCode = (trackingCode: string) => `/api/v1/public/reports/${encodeURIComponent(trackingCode)}`;

export function addReportPhoto(trackingCode: string, photo: File): Promise<UploadReceipt> {
  const form = new FormData();
  form.append('photo', photo, photo.name);
  return apiPostForm<UploadReceipt>(`/api/v1/reports/${encodeURIComponent(trackingCode)}/photos`, form);
}

export function publicReportStatus(trackingCode: string, signal?: AbortSignal): Promise<PublicReportStatus> {
  return apiGet<PublicReportStatus>(byTrackingCode(trackingCode), signal);
}
