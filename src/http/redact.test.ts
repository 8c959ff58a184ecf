import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTestDb } from '../../test/support/db.ts';
import { testConfig } from '../../test/support/app.ts';
import { fixedClock } from '../shared/clock.ts';
import { normaliseTrackingCode } from '../domain/reports/index.ts';
import { buildApp } from './app.ts';
import { redactUrl } from './redact.ts';

const code = 'WP-7K0M-Q9XD-2RPA-H14C';
/** Every way a resident or agent may type it that normaliseTrackingCode still accepts. */
const typed = [
  code,
  code.toLowerCase(),
  '7K0M-Q9XD-2RPA-H14C',
  '7K0MQ9XD2RPAH14C',
  'WP7K0MQ9XD2RPAH14C',
  'wp 7k0m q9xd 2rpa h14c',
  '7K0M Q9XD 2RPA H14C',
  'WP-7KOM-Q9XD-2RPA-HL4C',
  '7kom q9xd 2rpa hi4c',
  ' WP\t7K0M\u00a0Q9XD - 2RPA H14C ',
  '7-K-0-M-Q-9-X-D-2-R-P-A-H-1-4-C',
];

/** The code's 16 symbols, however the line spells or separates them. */
function carriesCode(text: string): boolean {
  const compact = text
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return compact.includes('7K0MQ9XD2RPAH14C');
}

describe('log redaction of tracking codes', () => {
  it('accepts every typed form as the code (the premise of this test)', () => {
    for (const form of typed) assert.equal(normaliseTrackingCode(form), code, JSON.stringify(form));
  });

  it('keeps every typed form out of the log, in the path and in the query', async () => {
    const db = await openTestDb({ empty: true });
    const lines: string[] = [];
    const app = await buildApp(
      { db, clock: fixedClock('2026-11-24T09:00:00+01:00'), config: testConfig({ LOG_LEVEL: 'debug' }) },
      { logger: true, logStream: { write: (line) => lines.push(line) } },
    );
    try {
      for (const form of typed) {
        const encoded = encodeURIComponent(form);
        for (const url of [
          `/api/v1/public/reports/${encoded}`,
          `/api/v1/public/reports/${encoded}/photos`,
          `/api/v1/public/reports/nearby?lon=${encoded}&lat=52.38`,
          `/api/v1/reports?cursor=${encoded}`,
          `/api/v1/health?code=${encoded}`,
        ]) {
          await app.inject({ method: 'GET', url });
        }
        await app.inject({ method: 'POST', url: `/api/v1/public/reports/${encoded}/photos`, payload: {} });
      }
    } finally {
      await app.close();
      await db.close();
    }
    const requests = lines.filter((line) => line.includes('incoming request'));
    assert.equal(requests.length, typed.length * 6);
    assert.ok(requests.some((line) => line.includes('WP-****')));
    const leaking = lines.filter(carriesCode);
    assert.deepEqual(leaking, []);
  });

  it('keeps the rest of the path as it was', () => {
    assert.equal(
      redactUrl('/api/v1/public/reports/wp%207k0m%20q9xd%202rpa%20h14c/photos?x=1'),
      '/api/v1/public/reports/WP-****/photos',
    );
    assert.equal(
      redactUrl('/api/v1/reports/550e8400-e29b-41d4-a716-446655440000'),
      '/api/v1/reports/550e8400-e29b-41d4-a716-446655440000',
    );
    assert.equal(redactUrl('/api/v1/public/districts/WK039209/officer'), '/api/v1/public/districts/WK039209/officer');
    assert.equal(redactUrl('/api/v1/bad/%ZZ/%C2'), '/api/v1/bad/%ZZ/%C2');
  });

  it('keeps reporter link tokens out of the log', () => {
    const token = 'Z6C7PkdNwgazL7IdBcM6jsrB9IMVc1bg_BIc5IVpeibPOt_sGUKi9k2RHm8ls8LR9R40Fb3c';
    assert.equal(redactUrl(`/api/v1/public/feedback/${token}`), '/api/v1/public/feedback/LINK-****');
    assert.equal(redactUrl(`/antwoord/${token}?x=1`), '/antwoord/LINK-****');
  });
});
