/** The staff screens' rules without a browser: grid clustering, the intake form, the routing sentence, worklist order. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { routedTo } from '../../web/src/staff/intake/intake-result.tsx';
import { emptyDraft, intakeBody, intakeProblems } from '../../web/src/staff/intake/intake-model.ts';
import { gridClusters } from '../../web/src/staff/map/grid-clusters.ts';
import type { CreatedReport, ReportSummary } from '../../web/src/api/contract.ts';
import { byUrgency } from '../../web/src/staff/reports/workflow.ts';
import { staffEn } from '../../web/src/staff/staff-en.ts';
import { staffNl, type StaffMessageKey } from '../../web/src/staff/staff-nl.ts';

const t = (key: StaffMessageKey, values?: Record<string, string | number>) =>
  staffNl[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    values && name in values ? String(values[name]) : whole,
  );

describe('staff screens', () => {
  it('clusters points that share a grid cell and keeps the others apart', () => {
    const clusters = gridClusters(
      [
        { x: 10, y: 10, item: 'a' },
        { x: 50, y: 20, item: 'b' },
        { x: 70, y: 10, item: 'c' },
        { x: 10, y: 130, item: 'd' },
      ],
      60,
    );
    const sorted = clusters
      .map((c) => ({ items: c.items.sort().join(''), x: c.x, y: c.y }))
      .sort((p, q) => p.items.localeCompare(q.items));
    assert.deepEqual(sorted, [
      { items: 'ab', x: 30, y: 15 },
      { items: 'c', x: 70, y: 10 },
      { items: 'd', x: 10, y: 130 },
    ]);
  });

  it('clusters 2,000 points into at most one marker per cell', () => {
    const points = Array.from({ length: 2000 }, (_, i) => ({ x: (i * 37) % 600, y: (i * 53) % 400, item: i }));
    const clusters = gridClusters(points, 56);
    assert.ok(clusters.length <= Math.ceil(600 / 56) * Math.ceil(400 / 56));
    assert.equal(
      clusters.reduce((sum, c) => sum + c.items.length, 0),
      2000,
    );
  });

  it('lists every intake problem at once, in the order of the form', () => {
    const problems = intakeProblems({ ...emptyDraft, phone: '12', email: 'geen-adres' }, t);
    assert.deepEqual(
      problems.map((p) => p.fieldId),
      ['intake-address', 'category', 'intake-description', 'intake-phone', 'intake-email'],
    );
    assert.deepEqual(
      intakeProblems(
        { ...emptyDraft, point: [4.63, 52.38], outside: true, category: 'hondenpoep', description: 'x' },
        t,
      ).map((p) => p.message),
      [staffNl['intake.locationOutside']],
    );
  });

  it('sends the caller only when given, with the consent, and the source of the channel', () => {
    const draft = {
      ...emptyDraft,
      point: [4.63, 52.38] as [number, number],
      address: 'Grote Markt 2',
      category: 'hondenpoep',
      description: '  Veel poep  ',
    };
    assert.deepEqual(intakeBody(draft, 'phone'), {
      category: 'hondenpoep',
      description: 'Veel poep',
      source: 'phone',
      location: { type: 'Point', coordinates: [4.63, 52.38] },
      address: 'Grote Markt 2',
    });
    assert.deepEqual(
      intakeBody({ ...draft, address: null, phone: ' 023 511 5115 ', consent: true }, 'street').reporter,
      { phone: '023 511 5115', consentToShareWithPartners: true },
    );
  });

  it('says where a report went in the words of the routing rule', () => {
    const report = (rule: string): CreatedReport => ({
      id: 'x',
      trackingCode: 'WP',
      status: 'new',
      createdAt: '2026-11-24T09:00:00+01:00',
      deadline: '2026-11-27T17:00:00+01:00',
      category: { code: 'hondenpoep', name: 'Hondenpoep' },
      district: { code: 'WK039209', name: 'Parkwijk' },
      assignee: { kind: 'officer', id: 'y', name: 'Fatima de Vries' },
      routing: { rule, reason: { nl: '', en: '' } },
    });
    assert.equal(routedTo(report('district-owner'), t), 'Gaat naar Fatima de Vries, wijkhandhaver Parkwijk');
    assert.equal(routedTo(report('district-backup'), t), 'Gaat naar Fatima de Vries, vervanger in Parkwijk');
    assert.equal(
      routedTo(report('rule:parkeeroverlast naar Team Parkeren'), t),
      'Gaat naar Fatima de Vries (Parkwijk)',
    );
  });

  it('orders the worklist overdue first, then urgent, then by deadline', () => {
    const r = (id: string, overdue: boolean, urgent: boolean, deadline: string) =>
      ({ id, overdue, urgent, deadline }) as ReportSummary;
    const sorted = [
      r('late', false, false, '2026-12-01'),
      r('soon', false, false, '2026-11-25'),
      r('urgent', false, true, '2026-11-30'),
      r('overdue', true, false, '2026-11-20'),
    ].sort(byUrgency);
    assert.deepEqual(
      sorted.map((x) => x.id),
      ['overdue', 'urgent', 'soon', 'late'],
    );
  });

  it('has an English text for every Dutch one, with the same placeholders', () => {
    for (const key of Object.keys(staffNl) as StaffMessageKey[]) {
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      assert.deepEqual(placeholders(staffEn[key]), placeholders(staffNl[key]), key);
    }
  });
});
