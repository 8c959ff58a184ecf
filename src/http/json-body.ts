import type { FastifyInstance } from 'fastify';
import { DomainError } from '../shared/errors.ts';

/**
 * JSON bodies: how deep and how large. No body of the API nests deeper than 6 levels (a routing rule's
 * weekdays, a category question's values); 16 leaves room. A body nested deeper is refused before
 * JSON.parse sees it, by one pass over the text that stops at the 17th level, so a 1 MB body of `[[[[…`
 * costs less than a flat one instead of blocking the event loop.
 */
export const MAX_JSON_DEPTH = 16;

/**
 * The default size of a request body: the largest body of an ordinary route (a report, a category with its
 * questions) is a few kB. A route that takes more says so with its own `bodyLimit` (the routing rules), and the
 * photo upload and the survey import have limits of their own (multipart, text/csv).
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

const structural = /["[\]{}]/g;

/** The index of the quote that closes the string whose contents start at `from`; -1 when none does. */
function closingQuote(text: string, from: number): number {
  for (let at = text.indexOf('"', from); at !== -1; at = text.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/**
 * Whether JSON text opens more than `limit` arrays or objects inside one another (brackets in strings do not
 * count). Jumps from one structural character to the next and over strings with indexOf, so a flat body costs
 * a fraction of JSON.parse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  structural.lastIndex = 0;
  for (let match = structural.exec(text); match; match = structural.exec(text)) {
    const c = match[0];
    if (c === '"') {
      const end = closingQuote(text, structural.lastIndex);
      if (end === -1) return false; // not JSON: the parser says so
      structural.lastIndex = end + 1;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return true;
    } else depth--;
  }
  return false;
}

/**
 * Replaces Fastify's JSON parser by the same parser behind a depth check (prototype poisoning is still refused).
 * Fastify applies the route's `bodyLimit` while it reads the text, before this runs. Guards run on onRequest
 * (src/http/auth.ts), so a caller a staff route refuses gets 401/403 before any of this.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // No route: the 404 says so whatever the body holds, so it is not parsed.
    if (request.is404) {
      done(null, undefined);
      return;
    }
    const text = body as string;
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new DomainError('validation', `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, [
          { name: 'body', reason: `nests deeper than ${MAX_JSON_DEPTH} levels`, code: 'too_deep' },
        ]),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
