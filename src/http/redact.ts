import { reporterLinkTokenPattern } from '../domain/feedback/index.ts';
import { normaliseTrackingCode } from '../domain/reports/index.ts';

/** A run of letters and digits with the separators people type inside a tracking code (dashes, any whitespace). */
const codeLikeRun = /[0-9a-z](?:[0-9a-z\s-]*[0-9a-z])?/gi;

/** Decodes the percent-escapes that decode; a broken one (`%ZZ`, a lone `%C2`) stays as it is. */
function lenientDecode(segment: string): string {
  return segment.replace(/(?:%[0-9a-f]{2})+/gi, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

/** A path segment with every tracking code in it, in any form normaliseTrackingCode accepts, replaced by `WP-****`. */
function redactSegment(segment: string): string {
  // A reporter link's token (feedback, answer pages and their API) is a capability like the tracking code.
  if (reporterLinkTokenPattern.test(segment)) return 'LINK-****';
  const decoded = lenientDecode(segment);
  let found = false;
  const redacted = decoded.replace(codeLikeRun, (run) => {
    if (normaliseTrackingCode(run) === null) return run;
    found = true;
    return 'WP-****';
  });
  return found ? encodeURI(redacted) : segment;
}

/**
 * What a log line may say about a URL: no query string (address searches, filters, codes) and no tracking code
 * (it is the only key to a report's public status page) in any form people type it: lower case, without dashes or
 * `WP`, with spaces, O for 0 and I/L for 1 — whatever normaliseTrackingCode accepts, percent-encoded or not —
 * and no reporter link token.
 */
export function redactUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.split('/').map(redactSegment).join('/');
}
