import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CategoryQuestion, OfferedSubcategory } from '../categories/index.ts';
import { reportStatuses } from '../reports/index.ts';
import {
  agencyResponsible,
  checkAnswers,
  collectAttributes,
  open311Status,
  reporterName,
  serviceNotice,
  toOpen311Parameter,
  toService,
  toServiceDefinition,
  toServiceRequest,
} from './mapping.ts';

const soort: CategoryQuestion = {
  code: 'soort',
  datatype: 'singlevaluelist',
  required: true,
  descriptionNl: 'Wat voor grofvuil?',
  descriptionEn: 'What kind of bulky waste?',
  values: [
    { key: 'matras', name: 'Matras' },
    { key: 'meubels', name: 'Meubels' },
  ],
};
const question = (overrides: Partial<CategoryQuestion>): CategoryQuestion =>
  ({
    code: 'q',
    datatype: 'string',
    required: false,
    descriptionNl: 'Vraag',
    descriptionEn: 'Question',
    ...overrides,
  }) as CategoryQuestion;
const grofvuil: OfferedSubcategory = {
  code: 'grofvuil',
  nameNl: 'Grofvuil',
  nameEn: 'Bulky waste',
  parentCode: 'afval',
  parentNameNl: 'Afval',
  parentNameEn: 'Waste',
  questions: [soort, question({ code: 'aantal', datatype: 'number' })],
};

describe('Open311 mapping', () => {
  it('maps a subcategory to a realtime service grouped by its main category, with metadata when it asks questions', () => {
    assert.deepEqual(toService(grofvuil), {
      service_code: 'grofvuil',
      service_name: 'Grofvuil',
      description: 'Grofvuil (Afval) / Bulky waste (Waste)',
      metadata: true,
      type: 'realtime',
      keywords: 'Bulky waste, Waste',
      group: 'Afval',
    });
    assert.equal(toService({ ...grofvuil, questions: [] }).metadata, false);
  });

  it('maps questions to attributes in order, with values only for lists', () => {
    const { service_code, attributes } = toServiceDefinition(grofvuil);
    assert.equal(service_code, 'grofvuil');
    assert.deepEqual(attributes[0], {
      variable: true,
      code: 'soort',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'Wat voor grofvuil? / What kind of bulky waste?',
      values: [
        { key: 'matras', name: 'Matras' },
        { key: 'meubels', name: 'Meubels' },
      ],
    });
    assert.equal(attributes[1]!.order, 2);
    assert.equal(attributes[1]!.values, undefined);
    assert.match(attributes[1]!.datatype_description!, /number/);
  });

  it('maps the workflow to open and closed: only resolved and cancelled are closed', () => {
    const closed = reportStatuses.filter((status) => open311Status(status) === 'closed');
    assert.deepEqual(closed, ['resolved', 'cancelled']);
    assert.equal(open311Status('reopened'), 'open');
    assert.equal(open311Status('forwarded'), 'open');
  });

  it('collects attributes from form keys (repeated or with []) and from a JSON object', () => {
    assert.deepEqual(
      collectAttributes({
        'attribute[soort]': 'matras',
        'attribute[kleur][]': ['rood', ' blauw '],
        'attribute[leeg]': '  ',
        attribute: { aantal: 3, lijst: ['a', 'b'] },
        description: 'niet',
      }),
      { soort: ['matras'], kleur: ['rood', 'blauw'], aantal: ['3'], lijst: ['a', 'b'] },
    );
  });

  it('checks answers against the questions, listing every problem', () => {
    assert.deepEqual(checkAnswers(grofvuil.questions, { soort: ['matras'], aantal: ['2.5'] }), []);
    const problems = checkAnswers(grofvuil.questions, { aantal: ['veel'], kleur: ['rood'] });
    assert.deepEqual(
      problems.map((p) => [p.name, p.code]),
      [
        ['attribute[kleur]', 'unknown_attribute'],
        ['attribute[soort]', 'required'],
        ['attribute[aantal]', 'invalid_attribute'],
      ],
    );
    assert.match(checkAnswers([soort], { soort: ['koelkast'] })[0]!.reason, /not one of matras, meubels: koelkast/);
    assert.match(checkAnswers([soort], { soort: ['matras', 'meubels'] })[0]!.reason, /one value/);
    const multi = question({ code: 'm', datatype: 'multivaluelist', values: soort.values });
    assert.deepEqual(checkAnswers([multi], { m: ['matras', 'meubels'] }), []);
    const when = question({ code: 'w', datatype: 'datetime' });
    assert.deepEqual(checkAnswers([when], { w: ['2026-11-24T09:00:00+01:00'] }), []);
    assert.equal(checkAnswers([when], { w: ['24-11-2026'] }).length, 1);
    assert.equal(checkAnswers([question({ datatype: 'string' })], { q: ['x'.repeat(301)] }).length, 1);
    assert.deepEqual(checkAnswers([question({ datatype: 'text' })], { q: ['x'.repeat(301)] }), []);
  });

  it('names intake fields by the Open311 parameters a client sent', () => {
    assert.equal(toOpen311Parameter('body.category'), 'service_code');
    assert.equal(toOpen311Parameter('body.location.coordinates'), 'lat/long');
    assert.equal(toOpen311Parameter('body.reporter.email'), 'email');
    assert.equal(toOpen311Parameter('body.reporter.name'), 'first_name/last_name');
    assert.equal(toOpen311Parameter('body.address'), 'address_string');
    assert.equal(toOpen311Parameter('headers.x'), 'headers.x');
  });

  it('names the holder by team, else by the enforcement group, never by a person', () => {
    assert.equal(
      agencyResponsible({ teamName: 'Team Parkeren', groupName: 'Oost', municipalityName: 'Haarlem' }),
      'Team Parkeren',
    );
    assert.equal(
      agencyResponsible({ teamName: null, groupName: 'Oost', municipalityName: 'Haarlem' }),
      'Handhaving Haarlem – Oost',
    );
    assert.equal(
      agencyResponsible({ teamName: null, groupName: null, municipalityName: 'Haarlem' }),
      'Handhaving Haarlem',
    );
  });

  it("joins the reporter's names and states the deadline on the municipality's calendar", () => {
    assert.equal(reporterName('Anna', 'de Melder'), 'Anna de Melder');
    assert.equal(reporterName(undefined, 'de Melder'), 'de Melder');
    assert.equal(reporterName(undefined, undefined), undefined);
    // 23:30 UTC on 15 December is already 16 December in Amsterdam.
    const notice = serviceNotice(new Date('2026-12-15T23:30:00Z'), 'Europe/Amsterdam');
    assert.match(notice, /woensdag 16 december 2026/);
    assert.match(notice, /Wednesday, 16 December 2026/);
  });

  it('shows a stored report with public fields only, its place on the grid in WGS84', () => {
    const request = toServiceRequest(
      {
        public_id: '7d35e16d-2172-4012-9d50-79a20a368463',
        status: 'resolved',
        service_code: 'hondenpoep',
        service_name: 'Hondenpoep',
        created_at: new Date('2026-11-24T08:00:00Z'),
        updated_at: new Date('2026-11-25T08:00:00Z'),
        deadline: new Date('2026-12-15T22:59:59.999Z'),
        grid_x: 103_900,
        grid_y: 488_500,
        team_name: null,
        group_name: 'Centrum',
      },
      'Haarlem',
    );
    assert.equal(request.status, 'closed');
    assert.equal(request.agency_responsible, 'Handhaving Haarlem – Centrum');
    assert.equal(request.requested_datetime, '2026-11-24T08:00:00.000Z');
    assert.equal(request.expected_datetime, '2026-12-15T22:59:59.999Z');
    assert.ok(
      Math.abs(request.lat - 52.38) < 0.01 && Math.abs(request.long - 4.64) < 0.01,
      `${request.lat} ${request.long}`,
    );
    for (const field of ['description', 'address', 'media_url', 'status_notes'] as const)
      assert.equal(request[field], null);
  });
});
