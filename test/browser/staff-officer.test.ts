/**
 * Story of a district officer on a phone: a resident has just filed a report in her district; she signs
 * in, finds it in her worklist (list and clustered map), and resolves it with a text. Her field-work and
 * street-report screens pass axe in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';
import { fileReport, LONG_SESSIONS, pointIn, signIn, userIdOf } from './staff-support.ts';
import {
  DEMO_PASSWORD,
  expectNoAxeViolations,
  fixedClock,
  launchBrowser,
  loginAs,
  openPage,
  screenshot,
  startWebApp,
  type RunningApp,
} from './support.ts';

/** Tuesday 24 November 2026, 10:00 in Haarlem: a district day of Fatima de Vries (Parkwijk). */
const TUESDAY = '2026-11-24T10:00:00+01:00';
const PARKWIJK = 'WK039209';
const FATIMA = 'fatima.devries@haarlem.example';

describe('district officer works her worklist', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  const clock = fixedClock(TUESDAY);

  before(async () => {
    db = await openTestDb();
    running = await startWebApp(db, { clock, env: LONG_SESSIONS });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('finds a just-filed report in the worklist and resolves it with a text', async () => {
    // A week earlier (also a Tuesday): two reports that are past their 3-work-day deadline by now.
    clock.set('2026-11-17T10:00:00+01:00');
    for (const [i, category] of ['wildplassen', 'veeg-zwerfvuil'].entries()) {
      await fileReport(running.baseUrl, {
        category,
        description: `Vorige week gemeld (${i + 1}).`,
        location: await pointIn(db, PARKWIJK, -i - 1),
      });
    }
    clock.set(TUESDAY);
    const categories = ['hondenpoep', 'grofvuil', 'wildplassen', 'graffiti-wildplak', 'fietswrak'];
    for (const [i, category] of categories.entries()) {
      await fileReport(running.baseUrl, {
        category,
        description: `Eerdere melding ${i + 1} in Parkwijk.`,
        location: await pointIn(db, PARKWIJK, i + 1),
      });
    }
    const description = 'Vuilniszakken opengescheurd bij het speelveldje (officier-verhaal).';
    const filed = await fileReport(running.baseUrl, {
      category: 'veeg-zwerfvuil',
      description,
      location: await pointIn(db, PARKWIJK),
    });
    assert.equal(
      filed.assignee.name,
      'Fatima de Vries',
      'routing sends it to the district officer on her district day',
    );

    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await signIn(page, running.baseUrl, FATIMA, /\/werk$/);
    const item = page.locator('.wp-report-list__item', { has: page.locator(`a[href="/werk/melding/${filed.id}"]`) });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /speelveldje/);
    assert.match((await page.textContent('#worklist-summary')) ?? '', /^8 open meldingen, waarvan 2 over de termijn/);
    const classes = await page.$$eval('.wp-report-list__item', (items) =>
      items.map((li) => li.classList.contains('wp-report-list__item--overdue')),
    );
    assert.deepEqual(classes, [true, true, false, false, false, false, false, false], 'overdue reports come first');
    await screenshot(page, 'officer-worklist');
    await expectNoAxeViolations(page, 'the worklist as a list (nl)');

    await page.click('#worklist-show-map');
    await page.waitForSelector('#worklist-map .wp-cluster, #worklist-map .wp-report-dot');
    await expectNoAxeViolations(page, 'the worklist as a map (nl)');
    await page.locator('#worklist-map').scrollIntoViewIfNeeded();
    await screenshot(page, 'officer-worklist-map', { fullPage: false });
    await page.click('.wp-segmented button:first-child');

    await item.locator('a').click();
    await page.waitForSelector('#report-status');
    assert.match((await page.textContent('#report-status')) ?? '', /Gemeld/);
    await page.selectOption('#new-status', 'resolved');
    await page.click('#change-status');
    await page.waitForSelector('#status-text-error');
    assert.match((await page.textContent('#status-text-error')) ?? '', /toelichting verplicht/);
    await page.fill('#status-text', 'Opgeruimd en de bewoners van het portiek aangesproken.');
    await page.click('#change-status');
    await page.waitForFunction(() => /Afgehandeld/.test(document.querySelector('#report-status')?.textContent ?? ''));
    await expectNoAxeViolations(page, 'the report detail (nl)');

    const { rows } = await db.query<{ status: string; text: string | null }>(
      "SELECT r.status, h.text FROM reports r JOIN report_history h ON h.report_id = r.id AND h.to_status = 'resolved' WHERE r.id = $1",
      [filed.id],
    );
    assert.deepEqual(rows, [{ status: 'resolved', text: 'Opgeruimd en de bewoners van het portiek aangesproken.' }]);

    await page.click('a[href="/werk"]');
    await page.waitForFunction(() =>
      /^7 open meldingen/.test(document.querySelector('#worklist-summary')?.textContent ?? ''),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('logs a district round, a contact and an observation in a few taps, and takes a report in the street', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await loginAs(page, running.baseUrl, FATIMA);
    await page.goto(`${running.baseUrl}/werk/vastleggen`);
    await page.waitForFunction(
      () => (document.querySelector('#round-district') as HTMLSelectElement | null)?.value === 'WK039209',
    );
    await page.click('#round-start');
    await page.waitForSelector('#round-stop');

    await page.selectOption('#contact-counterpart', 'shopkeeper');
    await page.fill('#contact-topic', 'Afvalbakken bij de winkels vaker legen');
    await page.click('text=Contact opslaan');
    await page.waitForSelector('text=Contactmoment opgeslagen.');

    await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
    await page.fill('#category-search', 'fietswr');
    await page.waitForFunction(() => (document.querySelector('#category') as HTMLSelectElement).value === 'fietswrak');
    await page.locator('#observation-map').click();
    await page.fill('#observation-note', 'Drie fietswrakken bij het station');
    await page.click('text=Waarneming opslaan');
    await page.waitForSelector('text=Waarneming opgeslagen.');

    clock.advance(45 * 60_000);
    try {
      await page.click('#round-stop');
      await page.waitForSelector('text=Ronde gestopt');
    } finally {
      clock.set(TUESDAY);
    }
    const fatimaId = await userIdOf(db, FATIMA);
    const counts = await db.query<{ rounds: number; contacts: number; observations: number }>(
      `SELECT (SELECT count(*)::int FROM presence_rounds WHERE officer_id = $1 AND ended_at IS NOT NULL AND district_code = 'WK039209') AS rounds,
              (SELECT count(*)::int FROM contacts WHERE officer_id = $1 AND counterpart = 'shopkeeper') AS contacts,
              (SELECT count(*)::int FROM observations WHERE officer_id = $1 AND note = 'Drie fietswrakken bij het station') AS observations`,
      [fatimaId],
    );
    assert.deepEqual(counts.rows[0], { rounds: 1, contacts: 1, observations: 1 });

    await page.click('a[href="/werk/straatmelding"]');
    await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
    await page.locator('#intake-map').click();
    await page.waitForFunction(() => /ligt in/.test(document.querySelector('#intake-place')?.textContent ?? ''));
    await page.selectOption('#category', 'graffiti-wildplak');
    await page.fill('#intake-description', 'Een winkelier wijst op nieuwe graffiti op de brug.');
    await page.click('#intake-submit');
    await page.waitForSelector('#routing-result');
    const trackingCode = (await page.textContent('#intake-tracking-code'))!.trim();
    const street = await db.query<{ source: string; created_by: string }>(
      'SELECT source, created_by FROM reports WHERE tracking_code = $1',
      [trackingCode],
    );
    assert.deepEqual(street.rows, [{ source: 'street', created_by: fatimaId }]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('forwards a report to a partner organisation from the report detail', async () => {
    const filed = await fileReport(running.baseUrl, {
      category: 'grofvuil',
      description: 'Koelkast naast de container.',
      location: await pointIn(db, PARKWIJK, 9),
    });
    const { page, context } = await openPage(browser, running.baseUrl);
    await loginAs(page, running.baseUrl, FATIMA);
    await page.goto(`${running.baseUrl}/werk/melding/${filed.id}`);
    await page.waitForFunction(() => document.querySelectorAll('#assign-to option').length > 3);
    // The partner's contact person is in the option: the officer sees whom the report goes to.
    await page.selectOption('#assign-to', {
      label: 'Spaarnelanden (Wim de Boer · 023-751 7200 · meldingen@spaarnelanden.example)',
    });
    await page.fill('#assign-text', 'Grofvuil: graag ophalen.');
    await page.click('#assign-save');
    await page.waitForFunction(() => /toegewezen/.test(document.querySelector('#detail-message')?.textContent ?? ''));
    const { rows } = await db.query<{ status: string; assignee_kind: string }>(
      'SELECT status, assignee_kind FROM reports WHERE id = $1',
      [filed.id],
    );
    assert.deepEqual(rows, [{ status: 'forwarded', assignee_kind: 'partner' }]);
    assert.match((await page.textContent('#report-status')) ?? '', /Doorgezet/);
    assert.equal(
      await page.textContent('#partner-contact'),
      'Wim de Boer · 023-751 7200 · meldingen@spaarnelanden.example',
    );
    await context.close();
  });

  it("signs in from a deep link, is kept out of other roles' screens, and signs out", async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await page.goto(`${running.baseUrl}/werk/vastleggen`);
    await page.waitForURL(/\/inloggen\?terug=%2Fwerk%2Fvastleggen$/);
    await page.fill('#email', FATIMA);
    await page.fill('#password', 'not-the-password');
    await page.click('#sign-in');
    await page.waitForSelector('#error-summary a[href="#email"]');
    assert.match((await page.textContent('#error-summary')) ?? '', /kennen we niet/);
    await page.fill('#password', DEMO_PASSWORD);
    await page.click('#sign-in');
    await page.waitForURL(/\/werk\/vastleggen$/);

    assert.deepEqual(await page.$$eval('.wp-staff-nav a', (links) => links.map((a) => a.getAttribute('href'))), [
      '/werk',
      '/werk/vastleggen',
      '/werk/straatmelding',
      '/werkvoorraad',
      '/werk/planning',
    ]);
    await page.goto(`${running.baseUrl}/team`);
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), 'Geen toegang');
    // A path the route table does not know is not found, also under a staff path (it is never another screen).
    await page.goto(`${running.baseUrl}/werk/onbekend`);
    await page.waitForSelector('h1');
    assert.equal(await page.textContent('h1'), 'Pagina niet gevonden');
    await page.goto(`${running.baseUrl}/werk/vastleggen`);
    await page.waitForSelector('.wp-staff-nav');

    await page.click('text=Uitloggen');
    await page.waitForURL(/\/inloggen/);
    const me = await page.request.get(`${running.baseUrl}/api/v1/me`);
    assert.equal(me.status(), 401, 'the session is gone');
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const language of ['nl', 'en'] as const) {
    it(`shows sign-in, worklist, field log and street report without WCAG violations (${language})`, async () => {
      const { page, context, errors } = await openPage(browser, running.baseUrl, { language });
      await page.goto(`${running.baseUrl}/inloggen`);
      await page.waitForSelector('#sign-in');
      await expectNoAxeViolations(page, `the sign-in page (${language})`);
      await page.click('#sign-in');
      await page.waitForSelector('#error-summary');
      await expectNoAxeViolations(page, `the sign-in error summary (${language})`);

      await loginAs(page, running.baseUrl, FATIMA);
      await page.goto(`${running.baseUrl}/werk`);
      await page.waitForSelector('.wp-report-list__item');
      await expectNoAxeViolations(page, `the worklist (${language})`);
      await page.goto(`${running.baseUrl}/werk/vastleggen`);
      await page.waitForFunction(() => document.querySelectorAll('#round-district option').length > 0);
      await expectNoAxeViolations(page, `the field log (${language})`);
      await page.goto(`${running.baseUrl}/werk/straatmelding`);
      await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
      await expectNoAxeViolations(page, `the street report (${language})`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
