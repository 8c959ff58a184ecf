import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../shared/errors.ts';
import { newTrackingCode, normaliseTrackingCode } from './tracking-code.ts';
import {
  assertTransition,
  closedAtAfter,
  reportStatuses,
  statusAfterPartnerAction,
  type ReportStatus,
} from './workflow.ts';

// Every allowed move, written out independently of the table in workflow.ts.
const allowed: Array<[ReportStatus, ReportStatus]> = [
  ...(['new', 'reopened'] as const).flatMap((from) =>
    (['planned', 'in_progress', 'forwarded', 'waiting_for_reporter', 'resolved', 'cancelled'] as const).map(
      (to): [ReportStatus, ReportStatus] => [from, to],
    ),
  ),
  ['planned', 'in_progress'],
  ['in_progress', 'planned'],
  ...(['planned', 'in_progress'] as const).flatMap((from) =>
    (['waiting_for_reporter', 'forwarded', 'resolved', 'cancelled'] as const).map(
      (to): [ReportStatus, ReportStatus] => [from, to],
    ),
  ),
  ['waiting_for_reporter', 'in_progress'],
  ['waiting_for_reporter', 'resolved'],
  ['waiting_for_reporter', 'cancelled'],
  ['forwarded', 'in_progress'],
  ['forwarded', 'resolved'],
  ['forwarded', 'cancelled'],
  ['resolved', 'reopened'],
];
const isAllowed = (from: ReportStatus, to: ReportStatus) => allowed.some(([f, t]) => f === from && t === to);

describe('report workflow', () => {
  for (const from of reportStatuses) {
    for (const to of reportStatuses) {
      const expected = isAllowed(from, to);
      it(`${from} → ${to} is ${expected ? 'allowed' : 'refused'}`, () => {
        if (expected) {
          assert.doesNotThrow(() => assertTransition(from, to, 'Handled on site'));
        } else {
          assert.throws(
            () => assertTransition(from, to, 'Handled on site'),
            (e: unknown) => e instanceof DomainError && e.code === 'invalid_transition',
          );
        }
      });
    }
  }

  it('needs a text to resolve and to reopen', () => {
    for (const [from, to] of [
      ['in_progress', 'resolved'],
      ['resolved', 'reopened'],
    ] as const) {
      for (const text of [undefined, '   ']) {
        assert.throws(
          () => assertTransition(from, to, text),
          (e: unknown) =>
            e instanceof DomainError && e.code === 'validation' && e.fieldProblems[0]?.name === 'body.text',
        );
      }
    }
    assert.doesNotThrow(() => assertTransition('in_progress', 'planned', undefined));
  });

  it('sets closedAt on closing, keeps it otherwise, clears it on reopening', () => {
    const earlier = new Date('2026-11-20T10:00:00Z');
    const now = new Date('2026-11-24T10:00:00Z');
    assert.deepEqual(closedAtAfter('resolved', null, now), now);
    assert.deepEqual(closedAtAfter('cancelled', null, now), now);
    assert.equal(closedAtAfter('reopened', earlier, now), null);
    assert.equal(closedAtAfter('in_progress', null, now), null);
  });
});

describe('tracking codes', () => {
  it('are WP- plus four groups of four Crockford base32 symbols, different every time', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newTrackingCode()));
    assert.equal(codes.size, 2000);
    for (const code of codes) assert.match(code, /^WP-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  });

  it('use all 32 symbols in every position (80 random bits, not fewer)', () => {
    const seen = Array.from({ length: 16 }, () => new Set<string>());
    for (let i = 0; i < 3000; i++)
      [...newTrackingCode().slice(3).replaceAll('-', '')].forEach((c, p) => seen[p]!.add(c));
    for (const symbols of seen) assert.equal(symbols.size, 32);
  });

  it('are recognised as people type them', () => {
    assert.equal(normaliseTrackingCode('wp-7k3m-q9xd-2rpa-ht4c'), 'WP-7K3M-Q9XD-2RPA-HT4C');
    assert.equal(normaliseTrackingCode('7K3MQ9XD2RPAHT4C'), 'WP-7K3M-Q9XD-2RPA-HT4C');
    assert.equal(normaliseTrackingCode('WP-OOIL-Q9XD-2RPA-HT4C'), 'WP-0011-Q9XD-2RPA-HT4C');
    assert.equal(normaliseTrackingCode('WP-7K3M-Q9XD-2RPA'), null);
    assert.equal(normaliseTrackingCode('WP-7K3M-Q9XD-2RPA-HT4U'), null);
  });
});

describe("a partner's actions on the workflow", () => {
  const codeOf = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return error instanceof DomainError ? error.code : 'other';
    }
    return 'allowed';
  };

  it('accepts only a forwarded report, into in progress', () => {
    assert.equal(statusAfterPartnerAction('forwarded', 'accept', undefined), 'in_progress');
    for (const from of reportStatuses.filter((s) => s !== 'forwarded'))
      assert.equal(
        codeOf(() => statusAfterPartnerAction(from, 'accept', undefined)),
        'invalid_transition',
        from,
      );
  });

  it('sends back any open report as in progress, never a closed one', () => {
    for (const from of ['forwarded', 'in_progress', 'planned', 'waiting_for_reporter'] as const)
      assert.equal(statusAfterPartnerAction(from, 'send_back', 'reden'), 'in_progress', from);
    for (const from of ['resolved', 'cancelled'] as const)
      assert.equal(
        codeOf(() => statusAfterPartnerAction(from, 'send_back', 'reden')),
        'invalid_transition',
        from,
      );
  });

  it('resolves only with a text, and only what may be resolved', () => {
    assert.equal(statusAfterPartnerAction('in_progress', 'resolve', 'Opgeruimd.'), 'resolved');
    assert.equal(statusAfterPartnerAction('forwarded', 'resolve', 'Opgeruimd.'), 'resolved');
    assert.equal(
      codeOf(() => statusAfterPartnerAction('forwarded', 'resolve', '  ')),
      'validation',
    );
    assert.equal(
      codeOf(() => statusAfterPartnerAction('resolved', 'resolve', 'Nog eens.')),
      'invalid_transition',
    );
  });
});
