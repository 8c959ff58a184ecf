/** The resident form's rules, without a browser: validation, request body, server problems, idempotency keys, API shapes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toAddressSuggestions, toCategoryGroups, toPublicReport } from '../../web/src/api/types.ts';
import { filterCategories } from '../../web/src/components/category-picker.tsx';
import { translate } from '../../web/src/i18n/i18n.tsx';
import { en } from '../../web/src/i18n/en.ts';
import { nl } from '../../web/src/i18n/nl.ts';
import {
  emptyDraft,
  reportBody,
  serverFieldErrors,
  summaryOf,
  validateDraft,
  type ReportDraft,
} from '../../web/src/pages/report-form-model.ts';
import { IdempotencyKeys } from '../../web/src/pages/submit-report.ts';

const t = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) =>
  translate('nl', key, values);

const sub = (code: string, nameNl: string, nameEn: string) => ({
  code,
  nameNl,
  nameEn,
  deadline: { amount: 3, unit: 'workdays' as const },
  urgent: false,
  public: true,
});

const tree = toCategoryGroups({
  municipalityCode: 'GM0392',
  categories: [
    {
      code: 'afval',
      nameNl: 'Afval',
      nameEn: 'Waste',
      subcategories: [sub('grofvuil', 'Grofvuil', 'Bulky waste'), sub('hondenpoep', 'Hondenpoep', 'Dog fouling')],
    },
    {
      code: 'openbare-orde',
      nameNl: 'Openbare orde',
      nameEn: 'Public order',
      subcategories: [
        sub('geluidsoverlast', 'Geluidsoverlast', 'Noise nuisance'),
        sub('overlast-terrassen', 'Overlast terraššen', 'Terrace nuisance'),
      ],
    },
  ],
});

const inside: ReportDraft['location'] = {
  point: [4.6366, 52.3812],
  address: 'Grote Markt 2, 2011RD Haarlem',
  locate: {
    status: 'inside',
    result: {
      municipalityCode: 'GM0392',
      districtCode: 'WK039201',
      districtName: 'Oude Stad',
      boroughCode: 'SD039201',
      boroughName: 'Centrum',
      neighbourhoodCode: null,
      neighbourhoodName: null,
    },
  },
};

describe('resident form rules', () => {
  it('has the same keys in both dictionaries', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(nl).sort());
  });

  it('narrows categories by every typed word, across group and subcategory names, ignoring accents', () => {
    const codes = (query: string, language: 'nl' | 'en' = 'nl') =>
      filterCategories(tree, query, language).flatMap((g) => g.children.map((c) => c.code));
    assert.deepEqual(codes('afval'), ['grofvuil', 'hondenpoep']);
    assert.deepEqual(codes('afval hond'), ['hondenpoep']);
    assert.deepEqual(codes('terrassen'), ['overlast-terrassen']);
    assert.deepEqual(codes('noise', 'en'), ['geluidsoverlast']);
    assert.deepEqual(codes('noise', 'nl'), []);
    assert.equal(codes('').length, 4);
  });

  it('lists every problem at once, in the order of the form', () => {
    const errors = validateDraft({ ...emptyDraft, email: 'geen-adres', phone: '12' }, t, 1000, 'Haarlem');
    assert.deepEqual(
      summaryOf(errors).map((e) => e.fieldId),
      ['category', 'location-map', 'description', 'email', 'phone'],
    );
    const outside = validateDraft(
      {
        ...emptyDraft,
        category: 'grofvuil',
        description: 'x'.repeat(1001),
        location: { ...inside, locate: { status: 'outside' } },
      },
      t,
      1000,
      'Haarlem',
    );
    assert.match(outside.location!, /buiten de gemeente.*Haarlem/);
    assert.match(outside.description!, /hoogstens 1000 tekens/);
    const valid = validateDraft(
      {
        ...emptyDraft,
        category: 'grofvuil',
        description: 'Bank op de stoep',
        location: inside,
        phone: '06 1234 5678',
        email: 'a@b.nl',
      },
      t,
      1000,
      'Haarlem',
    );
    assert.deepEqual(valid, {});
  });

  it('sends contact details only when given, with the consent', () => {
    const anonymous = reportBody({
      ...emptyDraft,
      category: 'grofvuil',
      description: '  Bank  ',
      location: inside,
      consent: true,
    });
    assert.deepEqual(anonymous, {
      category: 'grofvuil',
      description: 'Bank',
      location: { type: 'Point', coordinates: [4.6366, 52.3812] },
      address: 'Grote Markt 2, 2011RD Haarlem',
    });
    const withEmail = reportBody({
      ...emptyDraft,
      category: 'grofvuil',
      description: 'Bank',
      location: { ...inside, address: null },
      email: ' a@b.nl ',
      consent: true,
    });
    assert.deepEqual(withEmail.reporter, { email: 'a@b.nl', language: 'nl', consentToShareWithPartners: true });
    assert.equal('address' in withEmail, false);
    const inEnglish = reportBody(
      { ...emptyDraft, category: 'grofvuil', description: 'Bank', location: inside, email: 'a@b.nl' },
      'en',
    );
    assert.equal(inEnglish.reporter?.language, 'en', 'e-mails in the language of the form');
  });

  it("puts the server's field problems on the fields they are about", () => {
    const errors = serverFieldErrors(
      [
        { name: 'body.category', reason: 'Unknown category' },
        { name: 'body.location.coordinates', reason: 'Invalid' },
        { name: 'body.reporter.email', reason: 'Invalid email' },
        { name: 'body.somethingElse', reason: 'Unexpected' },
      ],
      t,
      1000,
    );
    assert.deepEqual(Object.keys(errors).sort(), ['category', 'email', 'location', 'submit']);
    assert.equal(errors.submit, 'Unexpected');
  });

  it('reuses the Idempotency-Key for the same submission and makes a new one when the content changes', () => {
    const keys = new IdempotencyKeys();
    const first = keys.keyFor('{"description":"a"}');
    assert.match(first, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(keys.keyFor('{"description":"a"}'), first);
    const second = keys.keyFor('{"description":"b"}');
    assert.notEqual(second, first);
    assert.equal(keys.keyFor('{"description":"b"}'), second);
  });

  it('reads the API shapes: category tree, address suggestions, public status', () => {
    assert.deepEqual(
      tree.map((g) => g.children.length),
      [2, 2],
    );
    assert.deepEqual(toAddressSuggestions({ items: [{ id: 'adr-1', label: 'Grote Markt 2, 2011RD Haarlem' }] }), [
      { id: 'adr-1', label: 'Grote Markt 2, 2011RD Haarlem' },
    ]);
    const status = toPublicReport({
      trackingCode: 'WP-1',
      status: 'new',
      category: { name: 'Grofvuil' },
      createdAt: '2026-11-24T09:00:00+01:00',
      updatedAt: '2026-11-24T09:00:00+01:00',
      deadline: '2026-11-27T17:00:00+01:00',
      closedAt: null,
      reporterText: { text: 'Wij halen het morgen op.', at: '2026-11-24T10:00:00+01:00' },
    });
    assert.equal(status.categoryName, 'Grofvuil');
    assert.equal(status.closedAt, null);
    assert.deepEqual(status.reporterText, { text: 'Wij halen het morgen op.', at: '2026-11-24T10:00:00+01:00' });
  });
});
