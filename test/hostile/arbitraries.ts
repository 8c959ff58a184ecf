/**
 * fast-check arbitraries for hostile requests to one documented operation: path parameters that are real
 * records (of this municipality or another) or junk (NUL, broken percent-encoding and UTF-8, lone surrogates,
 * very long, traversal), odd query strings (unknown, repeated, bracketed, prototype names, bad cursors, wrong
 * types), bodies of the wrong type, deep, huge, malformed or carrying NUL and lone surrogates, and wrong
 * content types and headers.
 */
import fc from 'fast-check';
import { sampleOf, type JsonSchema, type Operation } from '../support/openapi.ts';
import type { Records } from '../authz/two-municipalities.ts';
import { recordFor } from '../authz/requests.ts';

export interface HostileRequest {
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

const NUL = '\u0000';
const LONE_HIGH = '\uD800';
const LONE_LOW = '\uDC00';

/** Encodes what encodeURIComponent can (it throws on a lone surrogate, which is sent as its raw UTF-8 bytes). */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\uD800-\uDFFF]/g, '%ED%A0%80').replace(/[^%A-Za-z0-9]/g, (c) => encodeURIComponent(c));
  }
}

/** The texts the probe found breaking things are drawn most often: NUL and lone surrogate halves. */
const nulText = fc.constantFrom(NUL, `a${NUL}b`, `${NUL}${NUL}`, `WK039201${NUL}`);
const surrogateText = fc.constantFrom(LONE_HIGH, `x${LONE_LOW}y`, '\uDBFF\uDBFF', `${LONE_LOW}${LONE_HIGH}`);
const oddText = fc.constantFrom(
  '',
  ' ',
  '\uFFFF',
  '😀',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '-1',
  '0',
  '1e309',
  'NaN',
  'null',
  'true',
  '[]',
  '{}',
  '00000000-0000-0000-0000-000000000000',
  '5a0e7d4e-8d1c-4c3e-9f2a-1b2c3d4e5f6',
  'WP-0000-0000',
  'GM9999',
  'WK999999',
  // Valid ISO 8601, but year 0 or 10000 in UTC, or a week that ends there: PostgreSQL refused them (a 500).
  '0001-01-01T00:00:00+14:00',
  '9999-12-31T23:59:59-12:00',
  '9999-12-27',
  '0001-01-01',
);
const hostileText = fc.oneof(
  { weight: 3, arbitrary: nulText },
  { weight: 2, arbitrary: surrogateText },
  { weight: 3, arbitrary: oddText },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => 'x'.repeat(n)) },
);

/** Already percent-encoded: some are not valid encodings or not valid UTF-8 on purpose. */
const rawSegment = fc.constantFrom('%00', '%ED%A0%80', '%E0%A4%A', '%', '%zz', '%C0%AF', '..', '%2e%2e%2f', 'a%2Fb');

function pathValue(path: string, name: string, own: Records, other: Records): fc.Arbitrary<string> {
  const real = [recordFor(path, name, own), recordFor(path, name, other)]
    .filter((v): v is string => v !== undefined)
    .map(encodeURIComponent);
  return fc.oneof(...(real.length ? [fc.constantFrom(...real)] : []), hostileText.map(encodeSegment), rawSegment);
}

/** A valid-looking cursor, base64url that does not decode to one, and junk. */
const cursor = fc.oneof(
  fc.constantFrom(
    '',
    'AAAA',
    '!!!',
    'eyJ0IjoiMjAyNiJ9',
    Buffer.from(`2026-11-24 09:00:00${NUL}|x`).toString('base64url'),
  ),
  fc.string({ maxLength: 60 }).map((s) => Buffer.from(s).toString('base64url')),
);

const queryValue = fc.oneof(hostileText, cursor);

const oddQuery = fc.constantFrom(
  '&&&',
  '=',
  '=x',
  'a[b]=1',
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  'limit=1&limit=2',
  'limit=-1',
  'limit=99999999999999999999',
  'cursor=%ZZ',
  '%00=%00',
  'x=%ED%A0%80',
);

function queryString(operation: Operation): fc.Arbitrary<string> {
  const names = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const documented = names.length
    ? fc
        .array(fc.tuple(fc.constantFrom(...names), queryValue), { maxLength: 4 })
        .map((pairs) => pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeSegment(value)}`))
    : fc.constant([] as string[]);
  return fc.tuple(documented, fc.array(oddQuery, { maxLength: 2 })).map(([pairs, odd]) => [...pairs, ...odd].join('&'));
}

/** Nested arrays or objects this deep, as text (JSON.stringify of a built value would recurse as deep). */
function deepJson(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.constantFrom(null, true, -1, 0, 1.5, 1e308, -1e308, [], {}, [NUL], { [NUL]: 1 }),
  fc.jsonValue({ maxDepth: 3 }),
);

function documentedSample(schema: JsonSchema): unknown {
  try {
    return sampleOf(schema, 'body');
  } catch {
    return {};
  }
}

/** Every string the schema types as one, at any depth of the sample, replaced by `text`; optional ones added. */
function replaceStrings(schema: JsonSchema, value: unknown, text: string): unknown {
  if (schema.type === 'string' && typeof value === 'string') return text;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(schema.items ?? {}, item, text));
  if (value === null || typeof value !== 'object') return value;
  const optional = Object.entries(schema.properties ?? {})
    .filter(([key, property]) => property.type === 'string' && !(key in value))
    .map(([key]) => [key, text]);
  return Object.fromEntries([
    ...Object.entries(value).map(([key, child]) => [key, replaceStrings(schema.properties?.[key] ?? {}, child, text)]),
    ...optional,
  ]);
}

/**
 * The documented body (built from its examples and formats, so it passes the request check) with one field
 * replaced by a hostile value, or with every string in it replaced by one hostile text.
 */
function mutatedBody(schema: JsonSchema): fc.Arbitrary<string> {
  const sample = documentedSample(schema);
  const fields = Object.keys(schema.properties ?? {});
  const oneField = fc
    .tuple(fields.length ? fc.constantFrom(...fields) : fc.constant(undefined), hostileValue)
    .map(([field, value]) => {
      if (field === undefined || typeof sample !== 'object' || sample === null) return JSON.stringify(value) ?? 'null';
      return JSON.stringify({ ...(sample as object), [field]: value });
    });
  const everyString = hostileText.map((text) => JSON.stringify(replaceStrings(schema, sample, text)));
  return fc.oneof(oneField, everyString);
}

function body(operation: Operation): fc.Arbitrary<string> {
  const schema = operation.requestBody?.content['application/json']?.schema ?? {};
  return fc.oneof(
    { weight: 4, arbitrary: mutatedBody(schema) },
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
    fc
      .integer({ min: 17, max: 20_000 })
      .chain((depth) => fc.constantFrom('array', 'object').map((kind) => deepJson(depth, kind as 'array' | 'object'))),
    fc.integer({ min: 60_000, max: 200_000 }).map((n) => JSON.stringify({ description: 'x'.repeat(n) })),
    fc.constantFrom(
      '{',
      '{"a":}',
      '[1,]',
      'nul',
      '"\\ud800"',
      '{"a":"\\u0000"}',
      '\u0000',
      '',
      '{"__proto__":{"a":1}}',
    ),
    fc.string({ maxLength: 200 }),
  );
}

const contentType = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'multipart/form-data',
  'application/xml',
  'application/problem+json',
  '',
  'a/b/c',
);

const extraHeaders = fc.record(
  {
    'idempotency-key': fc.oneof(hostileText, fc.constant('k'.repeat(300))),
    'content-crs': fc.constantFrom('EPSG:28992', 'EPSG:4326', 'EPSG:0', 'x', ''),
    'accept-crs': fc.constantFrom('EPSG:28992', 'EPSG:1', 'x'),
    'accept-language': fc.constantFrom('nl', 'xx', '*;q=x'),
  },
  { requiredKeys: [] },
);

/** Header values are Latin-1 on the wire: text with other characters is sent percent-encoded. */
const latin1 = (text: string) => (/^[\x20-\x7e]*$/.test(text) ? text : encodeSegment(text));

export function hostileRequest(
  path: string,
  operation: Operation,
  own: Records,
  other: Records,
): fc.Arbitrary<HostileRequest> {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const params = fc.tuple(...names.map((name) => pathValue(path, name, own, other)));
  const withBody = fc.option(fc.tuple(body(operation), contentType), { freq: 4, nil: undefined });
  return fc
    .record({ params, query: queryString(operation), withBody, headers: extraHeaders })
    .map(({ params: values, query, withBody: sent, headers }) => {
      let i = 0;
      const filled = path.replace(/\{[^}]+\}/g, () => values[i++]!);
      const all: Record<string, string> = {};
      for (const [name, value] of Object.entries(headers)) all[name] = latin1(value);
      if (sent && sent[1]) all['content-type'] = sent[1];
      return { url: query ? `${filled}?${query}` : filled, headers: all, payload: sent?.[0] };
    });
}
