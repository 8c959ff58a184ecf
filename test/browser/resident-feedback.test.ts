/**
 * Stories of a resident after intake: the feedback link from the "resolved" e-mail ("not solved" reopens the
 * report), the answer link, the status page with the municipality's text and a typed code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { createReporterLinkToken } from '../../src/domain/feedback/index.ts';
import { bearerFor } from '../support/app.ts';
import { openTestDb } from '../support/db.ts';
import { GROTE_MARKT } from '../support/reports-world.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  loginAs,
  openPage,
  screenshot,
  startFakeLocatieserver,
  startWebApp,
  type RunningApp,
} from './support.ts';

const DAY = 86_400_000;

describe('resident gives feedback and answers through the links in e-mails', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  let staff: { authorization: string };

  const newReport = async (description: string): Promise<{ id: string; trackingCode: string }> => {
    const response = await running.app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'hondenpoep', description, location: GROTE_MARKT },
      remoteAddress: '198.51.100.40',
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  const setStatus = async (id: string, status: string, text: string) => {
    const response = await running.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/status`,
      headers: staff,
      payload: { status, text },
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  const link = (reportId: string, purpose: 'feedback' | 'answer') =>
    createReporterLinkToken(
      { reportId, purpose, expiresAt: new Date(Date.now() + 30 * DAY) },
      running.config.LINK_SIGNING_SECRET,
    );

  before(async () => {
    db = await openTestDb();
    running = await startWebApp(db);
    const { rows } = await db.query<{ id: string }>(
      "SELECT id FROM users WHERE email = 'coordinator.oost@haarlem.example'",
    );
    staff = await bearerFor(db, rows[0]!.id);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('says "not solved" through the feedback link, and the report is reopened', async () => {
    const report = await newReport('Hondenpoep op het plein (feedbackverhaal).');
    await setStatus(report.id, 'resolved', 'De stoep is schoongemaakt.');
    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await page.goto(`${running.baseUrl}/feedback/${link(report.id, 'feedback')}`);
    await page.waitForSelector('#solved-no');
    const main = (await page.textContent('main')) ?? '';
    assert.ok(main.includes(report.trackingCode));
    assert.ok(main.includes('De stoep is schoongemaakt.'));
    assert.ok(!main.includes('feedbackverhaal'), 'the description (the reporter’s own words) stays off the page');
    await expectNoAxeViolations(page, 'the feedback page (nl)');

    await page.click('button[type=submit]');
    await page.waitForSelector('#error-summary');
    await expectNoAxeViolations(page, 'the feedback page with errors (nl)');

    await page.check('#solved-no');
    await page.check('#satisfaction-2');
    await page.fill('#feedback-text', 'Er ligt alweer poep bij de kerk.');
    await screenshot(page, 'resident-feedback');
    await page.click('button[type=submit]');
    await page.waitForSelector('#feedback-receipt');
    assert.match((await page.textContent('#feedback-receipt')) ?? '', /heropend/);
    await expectNoAxeViolations(page, 'the feedback receipt (nl)');

    const { rows } = await db.query<{ status: string }>('SELECT status FROM reports WHERE id = $1', [report.id]);
    assert.equal(rows[0]!.status, 'reopened');
    const history = await db.query<{ actor_label: string; text: string }>(
      'SELECT actor_label, text FROM report_history WHERE report_id = $1 ORDER BY id DESC LIMIT 1',
      [report.id],
    );
    assert.deepEqual(history.rows[0], { actor_label: 'melder', text: 'Er ligt alweer poep bij de kerk.' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('answers a question in English, and says why a bad link does not work', async () => {
    const report = await newReport('Hondenpoep bij de bank (antwoordverhaal).');
    await setStatus(report.id, 'waiting_for_reporter', 'Bij welke bank precies?');
    const { page, context, errors } = await openPage(browser, running.baseUrl, { language: 'en' });
    await page.goto(`${running.baseUrl}/antwoord/${link(report.id, 'answer')}`);
    await page.waitForSelector('#answer-text');
    assert.match((await page.textContent('main')) ?? '', /Bij welke bank precies\?/);
    await expectNoAxeViolations(page, 'the answer page (en)');
    await page.fill('#answer-text', 'The one by the church door.');
    await page.click('button[type=submit]');
    await page.waitForSelector('#answer-receipt');
    await expectNoAxeViolations(page, 'the answer receipt (en)');
    const { rows } = await db.query<{ status: string }>('SELECT status FROM reports WHERE id = $1', [report.id]);
    assert.equal(rows[0]!.status, 'in_progress');

    await page.goto(`${running.baseUrl}/feedback/${link(report.id, 'answer')}`);
    await page.waitForSelector('[role=alert]');
    assert.match((await page.textContent('[role=alert]')) ?? '', /not valid/);
    await expectNoAxeViolations(page, 'a bad link (en)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('finds the status with a code typed any way, and shows the text for the reporter', async () => {
    const report = await newReport('Hondenpoep bij de school (statusverhaal).');
    await setStatus(report.id, 'resolved', 'Opgeruimd door de buitendienst.');
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 320, height: 640 },
    });
    await page.goto(running.baseUrl);
    const typed = report.trackingCode.toLowerCase().replace(/-/g, ' ').replace('wp ', 'wp');
    await page.fill('#tracking-code', typed);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#report-status');
    assert.equal(new URL(page.url()).pathname, `/melding/${report.trackingCode}`);
    assert.ok(((await page.textContent('main')) ?? '').includes(report.trackingCode));
    assert.match((await page.textContent('main')) ?? '', /Opgeruimd door de buitendienst\./);
    await expectNoAxeViolations(page, 'the status page with the text for the reporter (nl, 320 px)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("shows the reporters' satisfaction and reopen rate in the management overview", async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await loginAs(page, running.baseUrl, 'teammanager@haarlem.example');
    await page.goto(`${running.baseUrl}/overzicht`);
    await page.waitForSelector('#feedback-by-category tbody tr');
    const afval = await page.$$eval('#feedback-by-category tbody tr', (rows) =>
      rows.map((row) => [...row.children].map((cell) => cell.textContent)).find((cells) => cells[0] === 'Afval'),
    );
    // The first story's "not solved" (satisfaction 2) reopened one of the resolved reports of this file.
    assert.ok(afval, 'a row for Afval');
    assert.equal(afval[1], '1');
    assert.equal(afval[2], '2,0');
    await expectNoAxeViolations(page, 'the management overview with feedback (nl)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows nearby duplicates as pins and a hint that reflows at 320 px, after choosing an address by keyboard', async () => {
    await newReport('Hondenpoep voor het stadhuis (dubbelverhaal).');
    const locatieserver = await startFakeLocatieserver([
      {
        id: 'adr-0123456789abcdef0123456789abcdef',
        label: 'Grote Markt 2, 2011RD Haarlem',
        lon: 4.63663,
        lat: 52.38118,
      },
    ]);
    const withSearch = await startWebApp(db, { env: { PDOK_LOCATIESERVER_URL: locatieserver.url } });
    try {
      const { page, context, errors } = await openPage(browser, withSearch.baseUrl, {
        viewport: { width: 320, height: 640 },
      });
      await page.goto(`${withSearch.baseUrl}/melden`);
      await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
      await page.selectOption('#category', 'hondenpoep');
      await page.focus('#address');
      await page.keyboard.type('Grote Markt 2');
      await page.waitForSelector('#address-listbox [role=option]');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'address');
      await page.waitForSelector('#duplicates-heading');
      await page.waitForSelector('#location-map .wp-nearby-pin');
      assert.equal(await page.getAttribute('#location-map', 'data-zoom'), '18');
      await page.click('#duplicates .utrecht-button');
      await page.waitForSelector('#duplicates input[type=email]');
      // WCAG 1.4.10: at 320 CSS px nothing needs horizontal scrolling, and the hint stays inside the viewport.
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const wide = [...document.querySelectorAll('#duplicates *')]
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
          .map((element) => element.tagName + '.' + element.className);
        return { scroll: root.scrollWidth - root.clientWidth, wide };
      });
      assert.deepEqual(overflow, { scroll: 0, wide: [] });
      await screenshot(page, 'resident-duplicates-320');
      await expectNoAxeViolations(page, 'the duplicate hint at 320 px (nl)');
      assert.deepEqual(errors, []);
      await context.close();
    } finally {
      await withSearch.close();
      await locatieserver.close();
    }
  });
});
