import { newIdempotencyKey } from '../api/client.ts';
import type { CreatedReport, CreateReportBody } from '../api/contract.ts';
import { addReportPhoto, createReport } from '../api/reports.ts';
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

export async function sendReport(body: CreateReportBody, keys: IdempotencyKeys): Promise<CreatedReport> {
  return createReport(body, keys.keyFor(JSON.stringify(body)));
}

/** Photos go after the report, one request each; a failure never undoes the report itself. */
export async function sendPhotos(trackingCode: string, photos: File[]): Promise<Confirmation['photos']> {
  let sent = 0;
  let failed = 0;
  for (const photo of photos) {
    try {
      await addReportPhoto(trackingCode, photo);
      sent += 1;
    } catch {
      failed += 1;
    }
  }
  return { sent, failed };
}
