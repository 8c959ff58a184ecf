import { apiPostForm, apiPostJson, newIdempotencyKey } from '../api/client.ts';
import type { CreatedReport } from '../api/types.ts';
import type { Confirmation } from './report-form-model.ts';

/**
 * One key per distinct submission: a double click or a retry of the same content reuses it, so the
 * server answers with the first report instead of making a second; changed content gets a new key.
 */
export class IdempotencyKeys {
  private last: { body: string; key: string } | null = null;

  keyFor(body: string): string {
    if (this.last?.body !== body) this.last = { body, key: newIdempotencyKey() };
    return this.last.key;
  }
}

export async function sendReport(body: object, keys: IdempotencyKeys): Promise<CreatedReport> {
  const json = JSON.stringify(body);
  return apiPostJson<CreatedReport>('/api/v1/reports', body, { 'Idempotency-Key': keys.keyFor(json) });
}

/** Photos go after the report, one request each; a failure never undoes the report itself. */
export async function sendPhotos(trackingCode: string, photos: File[]): Promise<Confirmation['photos']> {
  let sent = 0;
  let failed = 0;
  for (const photo of photos) {
    const form = new FormData();
    form.append('photo', photo, photo.name);
    try {
      await apiPostForm(`/api/v1/reports/${encodeURIComponent(trackingCode)}/photos`, form);
      sent += 1;
    } catch {
      failed += 1;
    }
  }
  return { sent, failed };
}
