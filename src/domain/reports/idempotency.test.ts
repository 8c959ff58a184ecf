import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestHash } from './idempotency.ts';

describe('idempotency request hash', () => {
  it('is the hash stored records were written with (canonical JSON, sorted keys, undefined left out)', () => {
    const parts = { body: { b: [1, { y: null, x: 'é\u2028' }, [], {}], a: undefined, c: true }, crs: 'x' };
    assert.equal(requestHash(parts), '121fcda1937a4611161924726dd7c65fff37edf408067753295c6f00bd803fe4');
    assert.equal(
      requestHash({ crs: 'x', body: { c: true, b: [1, { x: 'é\u2028', y: null }, [], {}] } }),
      requestHash(parts),
    );
    assert.notEqual(requestHash({ body: [1, 2] }), requestHash({ body: [2, 1] }));
  });

  it('hashes a body nested far deeper than the call stack allows', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200_000; i++) deep = i % 2 ? [deep] : { k: deep };
    assert.match(requestHash({ body: deep }), /^[0-9a-f]{64}$/);
  });
});
