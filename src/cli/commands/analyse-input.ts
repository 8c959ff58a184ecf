import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import type { ProtocolRows } from '../../domain/analysis/index.ts';

export interface Bbox {
  readonly minLon: number;
  readonly minLat: number;
  readonly maxLon: number;
  readonly maxLat: number;
}

export interface ReadResult {
  readonly rows: ProtocolRows;
  readonly read: number;
  readonly skipped: number;
  readonly outsideBbox: number;
}

class Growable {
  data = new Float64Array(1 << 16);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  done() {
    return this.data.slice(0, this.length);
  }
}

/** An ISO 8601 date-time with a zone (Z or ±hh:mm); anything else is unparsable. */
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * Streams a 311-style CSV (gzip when the name ends in .gz) into typed arrays: `requested_datetime`,
 * `lat`, `lon`, `service_name`; other columns ignored. Rows with an unparsable date or coordinates are
 * skipped and counted; rows outside the bbox are dropped and counted.
 */
export async function readServiceRequests(
  file: string,
  options: { bbox?: Bbox; service?: RegExp; onRow?: (read: number) => void },
): Promise<ReadResult> {
  const [lon, lat, time, selected] = [new Growable(), new Growable(), new Growable(), new Growable()];
  let read = 0;
  let skipped = 0;
  let outsideBbox = 0;
  const source = createReadStream(file);
  const parser = parse({ columns: true, skip_empty_lines: true, relax_column_count: true, bom: true });
  (file.endsWith('.gz') ? source.pipe(createGunzip()) : source).pipe(parser);
  source.on('error', (error) => parser.destroy(error));
  const { bbox, service } = options;
  for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
    read++;
    if (read % 10_000 === 0) options.onRow?.(read);
    const when = (record.requested_datetime ?? '').trim();
    const t = ISO_WITH_ZONE.test(when) ? Date.parse(when) : NaN;
    const x = Number.parseFloat(record.lon ?? '');
    const y = Number.parseFloat(record.lat ?? '');
    if (!Number.isFinite(t) || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(y) > 90 || Math.abs(x) > 180) {
      skipped++;
      continue;
    }
    if (bbox && (x < bbox.minLon || x > bbox.maxLon || y < bbox.minLat || y > bbox.maxLat)) {
      outsideBbox++;
      continue;
    }
    lon.push(x);
    lat.push(y);
    time.push(t);
    selected.push(!service || service.test(record.service_name ?? '') ? 1 : 0);
  }
  return {
    rows: { lon: lon.done(), lat: lat.done(), time: time.done(), selected: Uint8Array.from(selected.done()) },
    read,
    skipped,
    outsideBbox,
  };
}
