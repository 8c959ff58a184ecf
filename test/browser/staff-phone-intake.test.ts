/**
 * Story of a contact-centre agent: a caller reports dog fouling near the Grote Markt. Address search is
 * offline (as in every test: PDOK is never called), so the agent taps the map; the open report nearby
 * shows at once; category, text and the caller's number follow, and the routing result appears.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';
import { fileReport, LONG_SESSIONS, signIn, userIdOf } from './staff-support.ts';
import { expectNoAxeViolations, fixedClock, launchBrowser, loginAs, openPage, screenshot, startWebApp, type RunningApp } from './support.ts';

/** Monday 23 November 2026, 10:00 in Haarlem: a district day of Sanne Bakker, district officer of Oude Stad. */
const MONDAY = '2026-11-23T10:00:00+01:00';
/** Where the map opens (the Grote Markt); a tap in its middle lands here. */
const MAP_CENTRE: [number, number] = [4.6368, 52.3808];

describe('contact-centre agent takes a phone report', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;

  before(async () => {
    db = await openTestDb();
    running = await startWebApp(db, { clock: fixedClock(MONDAY), env: { ...LONG_SESSIONS, PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9/unreachable' } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('finds the place, sees the open report nearby, and sees where the new report goes', async () => {
    const nearby = await fileReport(running.baseUrl, { category: 'grofvuil', description: 'Matras naast de kerk.', location: [MAP_CENTRE[0] + 0.0008, MAP_CENTRE[1] + 0.0003] });

    const { page, context, errors } = await openPage(browser, running.baseUrl, { viewport: { width: 1280, height: 900 } });
    await signIn(page, running.baseUrl, 'kcc@haarlem.example', /\/kcc$/);
    await page.fill('#intake-address', 'Grote Markt 2');
    await page.waitForSelector('text=Adres zoeken werkt nu niet');
    await page.locator('#intake-map').click();
    await page.waitForFunction(() => /Oude Stad/.test(document.querySelector('#intake-place')?.textContent ?? ''));
    await page.waitForFunction(() => /^1 open meldingen in de buurt/.test(document.querySelector('#intake-nearby-count')?.textContent ?? ''));
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
    assert.equal((await page.textContent('#routing-result h2'))?.trim(), 'Gaat naar Sanne Bakker, wijkhandhaver Oude Stad');
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'routing-result'), 'the result takes focus, so a screen reader reads it out');
    await expectNoAxeViolations(page, 'the routing result (nl)');

    const trackingCode = (await page.textContent('#intake-tracking-code'))!.trim();
    const { rows } = await db.query<{ source: string; reporter_phone: string; created_by: string; district_code: string; assignee: string }>(
      'SELECT r.source, r.reporter_phone, r.created_by, r.district_code, u.name AS assignee FROM reports r JOIN users u ON u.id = r.assignee_id WHERE r.tracking_code = $1',
      [trackingCode],
    );
    assert.deepEqual(rows, [{ source: 'phone', reporter_phone: '023 511 5115', created_by: await userIdOf(db, 'kcc@haarlem.example'), district_code: 'WK039201', assignee: 'Sanne Bakker' }]);

    await page.click('#intake-next');
    assert.equal(await page.inputValue('#intake-description'), '', 'the next call starts with an empty form');
    assert.ok(await page.evaluate(() => document.activeElement?.id === 'intake-address'), 'and with the address field');
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
