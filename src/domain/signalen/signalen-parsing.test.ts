import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DomainError } from '../../shared/errors.ts';
import { reportStatuses } from '../reports/index.ts';
import { parseCategoryMapping, slugsOfCategoryUrl } from './category-mapping.ts';
import { buildTimeline } from './map-history.ts';
import { readSignals } from './read-signals.ts';
import { parseTimestamp } from './signal-fields.ts';
import { signalenStateOf, stateOfHistoryAction, statusChangeAction, statusOfSignalenState } from './states.ts';

async function collect(chunks: Array<string | Uint8Array>): Promise<unknown[]> {
  async function* source() {
    yield* chunks;
  }
  const out: unknown[] = [];
  for await (const signal of readSignals(source())) out.push(signal);
  return out;
}

describe('reading a Signalen dump', () => {
  it('reads a page, pages one after the other, and a plain array, across any chunk boundary', async () => {
    const page = (ids: number[]) =>
      JSON.stringify({ _links: { next: { href: null } }, count: 3, results: ids.map((id) => ({ id })) });
    assert.deepEqual(await collect([page([1, 2])]), [{ id: 1 }, { id: 2 }]);
    assert.deepEqual(await collect([`${page([1])}\n${page([2, 3])}`]), [{ id: 1 }, { id: 2 }, { id: 3 }]);
    const array = JSON.stringify([{ id: 1, text: 'één' }, { id: 2 }]);
    const bytes = new TextEncoder().encode(array);
    // Split inside the two-byte "é": the decoder must keep the half character for the next chunk.
    const cut = array.indexOf('é') + 1;
    assert.deepEqual(await collect([bytes.slice(0, cut), bytes.slice(cut)]), [{ id: 1, text: 'één' }, { id: 2 }]);
  });

  it('refuses what is not Signalen JSON, and an empty file', async () => {
    await assert.rejects(collect(['id,text\n1,a']), DomainError);
    await assert.rejects(collect(['{"results": [{"id": 1}, ']), /not valid JSON/);
    await assert.rejects(collect(['  ']), /empty/);
  });
});

describe('category mapping file', () => {
  it('reads CSV (comma or semicolon) and JSON, and the most specific entry wins', () => {
    const csv = parseCategoryMapping(
      'main_slug;sub_slug;category\nafval;*;grofvuil\n*;huisafval;huisafval-naast-container\nafval;huisafval;veeg-zwerfvuil',
      'm.csv',
    );
    assert.equal(csv.lookup('afval', 'huisafval'), 'veeg-zwerfvuil');
    assert.equal(csv.lookup('overig', 'huisafval'), 'huisafval-naast-container');
    assert.equal(csv.lookup('afval', 'iets-anders'), 'grofvuil');
    assert.equal(csv.lookup('overig', 'iets-anders'), undefined);
    const json = parseCategoryMapping(
      '{"mappings": [{"main": "afval", "sub": "grofvuil", "category": "grofvuil"}]}',
      'm.json',
    );
    assert.equal(json.lookup('afval', 'grofvuil'), 'grofvuil');
    assert.deepEqual([...json.targets], ['grofvuil']);
  });

  it('refuses contradictions and bad lines, naming each', () => {
    assert.throws(
      () => parseCategoryMapping('main_slug,sub_slug,category\nafval,grofvuil,a\nafval,grofvuil,b', 'm.csv'),
      (error: unknown) => error instanceof DomainError && /mapped twice/.test(error.fieldProblems[0]!.reason),
    );
    assert.throws(
      () => parseCategoryMapping('main_slug,sub_slug,category\nAfval!,grofvuil,a', 'm.csv'),
      (error: unknown) => error instanceof DomainError && error.fieldProblems[0]!.name === 'line 2',
    );
  });

  it('the Haarlem example in docs/ parses and maps Signalen slugs onto the demo tree', () => {
    const mapping = parseCategoryMapping(
      readFileSync(new URL('../../../docs/signalen/haarlem-category-mapping.csv', import.meta.url), 'utf8'),
      'haarlem-category-mapping.csv',
    );
    assert.equal(mapping.lookup('overlast-in-de-openbare-ruimte', 'auto-scooter-bromfietswrak'), 'autowrak');
    assert.equal(mapping.lookup('overlast-bedrijven-en-horeca', 'geluidsoverlast-muziek'), 'geluidsoverlast');
  });

  it('takes the slugs from category_url when the item has no main_slug/sub_slug', () => {
    assert.deepEqual(
      slugsOfCategoryUrl('https://api.example/signals/v1/public/terms/categories/afval/sub_categories/grofvuil/'),
      { main: 'afval', sub: 'grofvuil' },
    );
    assert.equal(slugsOfCategoryUrl('https://api.example/other'), null);
  });
});

describe('states and dates', () => {
  it('every Wijkpost status exports to a Signalen state that reads back to it, except forwarded', () => {
    for (const status of reportStatuses) {
      const state = signalenStateOf[status];
      const back = statusOfSignalenState(stateOfHistoryAction(statusChangeAction(state))!);
      assert.equal(back, status === 'forwarded' ? 'in_progress' : status, status);
    }
    assert.equal(statusOfSignalenState('zoek'), null);
    assert.equal(stateOfHistoryAction('Status gewijzigd naar: Onbekend'), null);
  });

  it('takes ISO 8601 with a zone only, and no day a calendar lacks', () => {
    assert.equal(parseTimestamp('2024-03-05T09:12:44.123456+01:00')?.date.toISOString(), '2024-03-05T08:12:44.123Z');
    assert.ok(parseTimestamp('2024-03-05 09:12:44Z'));
    for (const bad of ['2024-03-05T09:12:44', '2024-02-30T10:00:00Z', 'gisteren', '2024-03-05T25:00:00Z', 17])
      assert.equal(parseTimestamp(bad), null, String(bad));
  });

  it('a history out of order is put in time order, and the current status closes it', () => {
    const at = (text: string) => ({ text, date: new Date(text) });
    const timeline = buildTimeline({
      signalId: '7',
      createdAt: at('2025-01-01T10:00:00Z'),
      current: { state: 'o', status: 'resolved', text: 'klaar', at: at('2025-01-03T10:00:00Z') },
      history: [
        { what: 'UPDATE_STATUS', when: '2025-01-02T10:00:00Z', action: 'Status gewijzigd naar: In behandeling' },
        { what: 'UPDATE_STATUS', when: '2025-01-01T10:00:00Z', action: 'Status gewijzigd naar: Gemeld' },
      ],
      created: { text: 'x', data: {} },
    });
    assert.ok(timeline.ok);
    assert.deepEqual(
      timeline.entries.map((entry) => [entry.action, entry.toStatus, entry.at.text]),
      [
        ['created', 'new', '2025-01-01T10:00:00Z'],
        ['status_changed', 'in_progress', '2025-01-02T10:00:00Z'],
        ['status_changed', 'resolved', '2025-01-03T10:00:00Z'],
      ],
    );
    assert.equal(timeline.closedAt?.text, '2025-01-03T10:00:00Z');
  });
});
