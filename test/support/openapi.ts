/**
 * Reading the OpenAPI document in tests: its operations, and a request each one accepts, built from the
 * document alone (required parameters and body), the way a client generated from it would call.
 */

export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  items?: JsonSchema;
  minItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
}

export interface Operation {
  parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: JsonSchema }> }>;
  security?: Array<Record<string, string[]>>;
  'x-roles'?: string[];
}

export interface OpenApiDocument {
  servers: Array<{ url: string }>;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export function operationsOf(doc: OpenApiDocument): Array<{ method: string; path: string; operation: Operation }> {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

/** No security, or `{}` among the alternatives: anyone may call it. */
export function isPublic(operation: Operation): boolean {
  return !operation.security || operation.security.some((alternative) => Object.keys(alternative).length === 0);
}

const byFormat: Record<string, string> = {
  'date-time': '2026-11-24T09:00:00+01:00',
  date: '2026-11-24',
  email: 'someone@example.org',
  uuid: '5a0e7d4e-8d1c-4c3e-9f2a-1b2c3d4e5f60',
};

/** The first string a simple pattern (literals, \d, classes, {n} and ?, +, *) matches; undefined for anything else. */
function stringMatching(pattern: string): string | undefined {
  let out = '';
  const source = pattern.replace(/^\^/, '').replace(/\$$/, '');
  for (let i = 0; i < source.length;) {
    let unit: string;
    const char = source[i]!;
    if (char === '\\') {
      const escaped = source[i + 1]!;
      unit = escaped === 'd' ? '0' : escaped === 'w' ? 'a' : escaped;
      i += 2;
    } else if (char === '[') {
      const end = source.indexOf(']', i);
      unit = source[i + 1]!;
      i = end + 1;
    } else if ('()|.'.includes(char)) {
      return undefined;
    } else {
      unit = char;
      i += 1;
    }
    const quantifier = /^(\{(\d+)(,\d*)?\}|\+|\*|\?)/.exec(source.slice(i));
    const times = !quantifier ? 1 : quantifier[2] ? Number(quantifier[2]) : quantifier[0] === '+' ? 1 : 0;
    out += unit.repeat(times);
    i += quantifier?.[0].length ?? 0;
  }
  return new RegExp(pattern).test(out) ? out : undefined;
}

/** A value the schema accepts: its example, default or first enum value, else built from type, format and pattern. */
export function sampleOf(schema: JsonSchema, where: string): unknown {
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0];
  if (alternative) return sampleOf(alternative, where);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.min(Math.max(1, schema.minimum ?? 1), schema.maximum ?? 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sampleOf(schema.items ?? {}, where));
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((name) => [name, sampleOf(schema.properties?.[name] ?? {}, `${where}.${name}`)]),
      );
    default: {
      if (schema.format && byFormat[schema.format]) return byFormat[schema.format];
      if (!schema.pattern) return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
      const value = stringMatching(schema.pattern);
      if (value === undefined) throw new Error(`${where}: no sample for /${schema.pattern}/; give it an example`);
      return value;
    }
  }
}

/** The request a generated client would send with only the required input filled in. */
export function sampleRequest(
  path: string,
  operation: Operation,
): { url: string; headers: Record<string, string>; payload?: string } {
  const where = (name: string) => `${path} ${name}`;
  let url = path;
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters ?? []) {
    if (!parameter.required && parameter.in !== 'path') continue;
    const value = String(sampleOf(parameter.schema ?? {}, where(parameter.name)));
    if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(value));
    if (parameter.in === 'query') query.set(parameter.name, value);
    if (parameter.in === 'header') headers[parameter.name] = value;
  }
  const json = operation.requestBody?.content['application/json']?.schema;
  const search = query.size > 0 ? `?${query}` : '';
  if (!json) return { url: `${url}${search}`, headers };
  headers['content-type'] = 'application/json';
  return { url: `${url}${search}`, headers, payload: JSON.stringify(sampleOf(json, where('body'))) };
}
