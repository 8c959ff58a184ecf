import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseTrackingCode as serverNormalise } from '../../src/domain/reports/index.ts';
import { normaliseTrackingCode } from '../../web/src/pages/tracking-code.ts';

describe("the status page's tracking code normalisation", () => {
  const typed = [
    'WP-9M4V-7K0M-Q9XD-2RPA',
    'wp 9m4v 7k0m q9xd 2rpa',
    'wp9m4v7k0mq9xd2rpa',
    '9M4V-7KOM-Q9XD-2RPA',
    ' 9m4v 7kom q9xd 2rpa ',
    'WP-9M4V-7K0M-Q9XD-2RPL',
    'wp 9m4v',
    'WP-9M4V-7K0M-Q9XD-2RPU',
    '',
  ];

  it('turns what people type into the canonical code', () => {
    assert.equal(normaliseTrackingCode('wp 9m4v 7kom q9xd 2rpa'), 'WP-9M4V-7K0M-Q9XD-2RPA');
    assert.equal(normaliseTrackingCode('9m4v7k0mq9xd2rpa'), 'WP-9M4V-7K0M-Q9XD-2RPA');
    assert.equal(normaliseTrackingCode('wp 9m4v'), null);
  });

  it('agrees with the server on every form', () => {
    for (const form of typed) assert.equal(normaliseTrackingCode(form), serverNormalise(form), JSON.stringify(form));
  });
});
