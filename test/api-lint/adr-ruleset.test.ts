/**
 * The ADR ruleset of `npm run lint:api` (api-lint/adr-2.2.yml) loads and finds what the API Design Rules forbid:
 * each fault of this small document is reported by the rule that names it. (The app's own document passing
 * with zero errors is `npm run lint:api` itself.)
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;

const faulty = {
  openapi: '3.0.3',
  info: { title: 'Faulty', version: '1.0', contact: { name: 'x' } },
  servers: [{ url: '/api' }],
  paths: {
    '/someThings': {
      get: {
        parameters: [{ in: 'query', name: 'page_size', schema: { type: 'integer' } }],
        responses: {
          200: { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
          404: { description: 'gone', content: { 'application/json': { schema: { type: 'object' } } } },
        },
      },
      post: { responses: { 201: { description: 'made' } } },
    },
  },
};

describe('the ADR lint ruleset', () => {
  it('reports each rule the faulty document breaks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijkpost-adr-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(faulty));
      const run = spawnSync(
        join(root, 'node_modules/.bin/spectral'),
        ['lint', '--ruleset', join(root, 'api-lint/adr-2.2.yml'), '--format', 'json', '--quiet', file],
        { encoding: 'utf8' },
      );
      assert.equal(run.status, 1, run.stderr);
      const codes = new Set((JSON.parse(run.stdout) as Array<{ code: string }>).map((result) => result.code));
      assert.deepEqual([...codes].sort(), [
        'nlgov:include-major-version-in-uri',
        'nlgov:info-contact-fields-exist',
        'nlgov:missing-header',
        'nlgov:paths-kebab-case',
        'nlgov:problem-invalid-input',
        'nlgov:query-keys-camel-case',
        'nlgov:semver',
        'nlgov:use-problem-schema',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
