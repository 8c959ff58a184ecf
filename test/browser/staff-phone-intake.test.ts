/**
 * Story of a contact-centre agent: a caller reports dog fouling near the Grote Markt. Address search is
 * offline (as in every test: PDOK is never called), so the agent taps the map; the open report nearby
 * shows at once; category, text and the caller's number follow, and the routing result appears.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';
import { fileReport, LONG_SESSIONS, signIn, userIdOf } from './staff-support.ts';
import {
  expectNoAxeViolations,
  fixedClock,
  launchBrowser,
  loginAs,
  openPage,
  screenshot,
  startWebApp,
  type RunningApp,
} from './support.ts';

/** Monday 23 November 2026, 10:00 in Haarlem: a district day of Sanne Bakker, district officer of Oude Stad. */
const MONDAY = '2026-11-23T10:00:00+01:00';
/** Where the map opens (the Grote Markt); a tap in its middle lands here. */
const MAP_CENTRE: [number, number] = [4.6368, 52.3808];

const GROTE_MARKT_ID = `adr-${'a'.repeat(32)}`;

/** A local stand-in for the PDOK Locatieserver (tests never use the internet); offline until switched on. */
async function startFakeLocatieserver(): Promise<{
  url: string;
  online: boolean;
  suggestions: string[];
  close: () => Promise<void>;
}> {
  const state = { url: '', online: false, suggestions: [] as string[], close: async () => undefined as void };
  const doc = {
    id: GROTE_MARKT_ID,
    weergavenaam: 'Grote Markt 2, 2011RD Haarlem',
    type: 'adres',
    centroide_ll: `POINT(${MAP_CENTRE[0]} ${MAP_CENTRE[1]})`,
    gemeentecode: '0392',
    wijkcode: 'WK039201',
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (!state.online) return response.writeHead(503).end();
    if (url.pathname.endsWith('/suggest')) state.suggestions.push(url.searchParams.get('q') ?? '');
    const docs = url.pathname.endsWith('/suggest')
      ? [{ id: doc.id, weergavenaam: doc.weergavenaam, type: 'adres' }]
      : url.searchParams.get('id') === doc.id
        ? [doc]
        : [];
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ response: { numFound: docs.length, docs } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/locatieserver`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

describe('contact-centre agent takes a phone report', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  let pdok: Awaited<ReturnType<typeof startFakeLocatieserver>>;

  before(async () => {
    db = await openTestDb();
    pdok = await startFakeLocatieserver();
    running = await startWebApp(db, {
      clock: fixedClock(MONDAY),
      env: { ...LONG_SESSIONS, PDOK_LOCATIESERVER_URL: pdok.url },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await pdok?.close();
    await db?.close();
  });

  it('finds the place, sees the open report nearby, and sees where the new report goes', async () => {
    const nearby = await fileReport(running.baseUrl, {
      category: 'grofvuil',
      description: 'Matras naast de kerk.',
      location: [MAP_CENTRE[0] + 0.0008, MAP_CENTRE[1] + 0.0003],
    });

    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await signIn(page, running.baseUrl, 'kcc@haarlem.example', /\/kcc$/);
    await page.fill('#intake-address', 'Grote Markt 2');
    await page.waitForSelector('text=Adres zoeken werkt nu niet');
    await page.locator('#intake-map').click();
    await page.waitForFunction(() => /Oude Stad/.test(document.querySelector('#intake-place')?.textContent ?? ''));
    await page.waitForFunction(() =>
      /^1 open meldingen in de buurt/.test(document.querySelector('#intake-nearby-count')?.textContent ?? ''),
    );
    assert.match((await page.textContent('.wp-nearby')) ?? '', new RegExp(nearby.trackingCode));
    await page.waitForSelector('#intake-map .wp-report-dot');

    await page.fill('#category-search', 'hondenp');
    await page.waitForFunction(() => (document.querySelector('#category') as HTMLSelectElement).value === 'hondenpoep');
    await page.fill('#intake-description', 'Beller meldt veel hondenpoep bij de ingang van de kerk.');
    await page.fill('#intake-phone', '023 511 5115');
    await screenshot(page, 'phone-intake');
    await expectNoAxeViolations(page, 'the phone intake, filled in (nl)');
    await page.click('#intake-submit');
    await page.waitForSelector('#routing-result');
    assert.equal(
      (await page.textContent('#routing-result h2'))?.trim(),
      'Gaat naar Sanne Bakker, wijkhandhaver Oude Stad',
    );
    assert.ok(
      await page.evaluate(() => document.activeElement?.id === 'routing-result'),
      'the result takes focus, so a screen reader reads it out',
    );
    await expectNoAxeViolations(page, 'the routing result (nl)');

    const trackingCode = (await page.textContent('#intake-tracking-code'))!.trim();
    const { rows } = await db.query<{
      source: string;
      reporter_phone: string;
      created_by: string;
      district_code: string;
      assignee: string;
    }>(
      'SELECT r.source, r.reporter_phone, r.created_by, r.district_code, u.name AS assignee FROM reports r JOIN users u ON u.id = r.assignee_id WHERE r.tracking_code = $1',
      [trackingCode],
    );
    assert.deepEqual(rows, [
      {
        source: 'phone',
        reporter_phone: '023 511 5115',
        created_by: await userIdOf(db, 'kcc@haarlem.example'),
        district_code: 'WK039201',
        assignee: 'Sanne Bakker',
      },
    ]);

    await page.click('#intake-next');
    assert.equal(await page.inputValue('#intake-description'), '', 'the next call starts with an empty form');
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'intake-address'), 'and with the address field');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('with address search online: the map shows the open reports around the best match while the agent types', async () => {
    pdok.online = true;
    try {
      const { page, context, errors } = await openPage(browser, running.baseUrl, {
        viewport: { width: 1280, height: 900 },
      });
      await loginAs(page, running.baseUrl, 'kcc@haarlem.example');
      await page.goto(`${running.baseUrl}/kcc`);
      await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
      await page.fill('#intake-address', 'Grote Mar');
      // Nothing chosen yet, and the open report near the Grote Markt already shows.
      await page.waitForFunction(() =>
        /^\d+ open meldingen in de buurt/.test(document.querySelector('#intake-nearby-count')?.textContent ?? ''),
      );
      await page.waitForSelector('#intake-map .wp-report-dot, #intake-map .wp-cluster');
      assert.equal(await page.$('#intake-map .wp-marker'), null, 'no place is chosen while typing');
      assert.ok(pdok.suggestions.includes('Grote Mar'));

      // The combobox by keyboard: Down highlights the first suggestion, Enter takes it, the focus stays.
      await page.focus('#intake-address');
      await page.waitForSelector('#intake-address-listbox [role=option]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Oude Stad/.test(document.querySelector('#intake-place')?.textContent ?? ''));
      await page.waitForSelector('#intake-map .wp-marker');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'intake-address');
      assert.equal(await page.getAttribute('#intake-map', 'data-zoom'), '18', 'the map zooms to street level');
      await page.selectOption('#category', 'wildplassen');
      await page.fill('#intake-description', 'Wildplassen in de steeg naast de kerk.');
      await page.click('#intake-submit');
      await page.waitForSelector('#routing-result');
      const trackingCode = (await page.textContent('#intake-tracking-code'))!.trim();
      const { rows } = await db.query<{ address_text: string }>(
        'SELECT address_text FROM reports WHERE tracking_code = $1',
        [trackingCode],
      );
      assert.deepEqual(rows, [{ address_text: 'Grote Markt 2, 2011RD Haarlem' }]);
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      pdok.online = false;
    }
  });

  it('makes two reports of two callers who report the same thing at the same place, one after the other', async () => {
    const description = 'Twee bellers: afval naast de container bij de kerk.';
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await loginAs(page, running.baseUrl, 'kcc@haarlem.example');
    await page.goto(`${running.baseUrl}/kcc`);
    const codes: string[] = [];
    for (const caller of [1, 2]) {
      await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
      await page.locator('#intake-map').click();
      await page.waitForFunction(() => /Oude Stad/.test(document.querySelector('#intake-place')?.textContent ?? ''));
      await page.selectOption('#category', 'huisafval-naast-container');
      await page.fill('#intake-description', description);
      await page.click('#intake-submit');
      await page.waitForSelector('#routing-result');
      codes.push((await page.textContent('#intake-tracking-code'))!.trim());
      if (caller === 1) await page.click('#intake-next');
    }
    const { rows } = await db.query<{ tracking_code: string }>(
      'SELECT tracking_code FROM reports WHERE description = $1 ORDER BY created_at',
      [description],
    );
    assert.equal(rows.length, 2, "the second caller's report exists");
    assert.notEqual(codes[0], codes[1]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lists every missing field in the error summary', async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    await loginAs(page, running.baseUrl, 'kcc@haarlem.example');
    await page.goto(`${running.baseUrl}/kcc`);
    await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
    await page.fill('#intake-phone', '12');
    await page.click('#intake-submit');
    await page.waitForSelector('#error-summary');
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'error-summary'), 'the summary takes focus');
    const links = await page.$$eval('#error-summary a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['#intake-address', '#category', '#intake-description', '#intake-phone']);
    await expectNoAxeViolations(page, 'the phone intake with errors (nl)');
    await context.close();
  });

  it('passes axe in English as well', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, { language: 'en' });
    await loginAs(page, running.baseUrl, 'kcc@haarlem.example');
    await page.goto(`${running.baseUrl}/kcc`);
    await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
    assert.equal(await page.textContent('h1'), 'Phone report');
    await page.locator('#intake-map').click();
    await page.waitForFunction(() => /Oude Stad/.test(document.querySelector('#intake-place')?.textContent ?? ''));
    await expectNoAxeViolations(page, 'the phone intake (en)');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
