import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { fieldProblemsFromIssues } from './field-problems.ts';

describe('fieldProblemsFromIssues', () => {
  it("names each zod issue by its path under the part, with zod's message and code", () => {
    const schema = z.object({ tags: z.array(z.string()), place: z.object({ x: z.number() }) });
    const result = schema.safeParse({ tags: ['ok', 7], place: {} });
    assert.equal(result.success, false);
    assert.deepEqual(fieldProblemsFromIssues('body', result.error!.issues), [
      { name: 'body.tags.1', reason: 'Invalid input: expected string, received number', code: 'invalid_type' },
      { name: 'body.place.x', reason: 'Invalid input: expected number, received undefined', code: 'invalid_type' },
    ]);
  });

  it('names the part itself for an issue at the root', () => {
    assert.deepEqual(fieldProblemsFromIssues('query', [{ path: [], message: 'Required', code: 'invalid_type' }]), [
      { name: 'query', reason: 'Required', code: 'invalid_type' },
    ]);
  });
});
