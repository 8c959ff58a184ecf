/**
 * Story of the functional administrator: she changes the deadline of a category, tries a report against the
 * routing rules (saved, then with a rule switched off but not saved), and finds her change in the audit log.
 * The four configuration screens pass axe in both languages, the English ones at 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';
import { LONG_SESSIONS } from './staff-support.ts';
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

const TUESDAY = '2026-11-24T10:00:00+01:00';
const ADMIN = 'admin@haarlem.example';

const textOf = async (page: Page, selector: string) => (await page.textContent(selector)) ?? '';

describe('administrator configures categories and routing', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;

  before(async () => {
    db = await openTestDb();
    running = await startWebApp(db, { clock: fixedClock(TUESDAY), env: LONG_SESSIONS });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('changes a deadline, tries a routing rule and sees the change in the audit log', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await loginAs(page, running.baseUrl, ADMIN);

    await page.goto(`${running.baseUrl}/beheer/categorieen`);
    await page.waitForSelector('#categories-table tr[data-code="grofvuil"]');
    await expectNoAxeViolations(page, 'the categories (nl)');
    await page.click('#categories-table tr[data-code="grofvuil"] button');
    await page.fill('#edit-category-amount', '4');
    await page.selectOption('#edit-category-unit', 'days');
    await page.click('#edit-category-title ~ form button[type="submit"]');
    await page.waitForFunction(() => /Opgeslagen/.test(document.querySelector('.wp-ok-text')?.textContent ?? ''));
    const { rows } = await db.query<{ deadline_amount: number; deadline_unit: string }>(
      `SELECT deadline_amount, deadline_unit FROM categories WHERE code = 'grofvuil' AND municipality_code = 'GM0392'`,
    );
    assert.deepEqual(rows[0], { deadline_amount: 4, deadline_unit: 'days' });
    await page.waitForFunction(() =>
      /4 kalenderdagen/.test(document.querySelector('#categories-table tr[data-code="grofvuil"]')?.textContent ?? ''),
    );

    await page.goto(`${running.baseUrl}/beheer/routering`);
    await page.waitForSelector('#rules-table tbody tr');
    await page.selectOption('#try-category', 'parkeeroverlast');
    await page.click('#try-title ~ form button[type="submit"]');
    await page.waitForSelector('#try-result');
    assert.match(await textOf(page, '#try-result'), /Naar Team Parkeren/);
    await expectNoAxeViolations(page, 'the routing rules with a preview (nl)');

    // Switch the parking rule off without saving, and try the edited set.
    await page.getByLabel('parkeeroverlast naar Team Parkeren actief').uncheck();
    await page.waitForSelector('#try-edited');
    await page.click('#try-title ~ form button[type="submit"]');
    await page.waitForFunction(() => /staat uit/.test(document.querySelector('#try-chain')?.textContent ?? ''));
    assert.match(await textOf(page, '#try-chain'), /regel "parkeeroverlast naar Team Parkeren" staat uit/);
    assert.doesNotMatch(await textOf(page, '#try-result strong'), /Team Parkeren/);
    await screenshot(page, 'admin-routing-try', { fullPage: true });
    const active = await db.query<{ active: boolean }>(`SELECT active FROM routing_rules WHERE name LIKE 'parkeer%'`);
    assert.equal(active.rows[0]!.active, true, 'trying stored nothing');

    // Edit the rule's explanation and save the whole set: now it is stored (switched off, new reason).
    await page.click('text=Wijzig parkeeroverlast naar Team Parkeren');
    await page.fill('#rule-reasonNl', 'Parkeren gaat tijdelijk naar de wijkhandhaver.');
    await page.click('#rule-title ~ form button[type="submit"]');
    await page.click('text=Regels opslaan');
    await page.waitForFunction(() => /Opgeslagen/.test(document.querySelector('.wp-ok-text')?.textContent ?? ''));
    const stored = await db.query<{ active: boolean; reason_nl: string }>(
      `SELECT active, reason_nl FROM routing_rules WHERE name = 'parkeeroverlast naar Team Parkeren'`,
    );
    assert.deepEqual(stored.rows[0], { active: false, reason_nl: 'Parkeren gaat tijdelijk naar de wijkhandhaver.' });

    await page.goto(`${running.baseUrl}/beheer/audit`);
    await page.waitForSelector('#audit-table tbody tr');
    // The app's clock stands still in this story, so both entries carry the same moment: found by content.
    const auditRows = await page.$$eval('#audit-table tbody tr', (rows) => rows.map((r) => r.textContent ?? ''));
    assert.ok(
      auditRows.some((row) => /Beheerder Wijkpost.*PUT \/api\/v1\/routing-rules/.test(row)),
      'the saved rules',
    );
    assert.ok(
      auditRows.some((row) => /Beheerder Wijkpost.*PATCH \/api\/v1\/categories\/:code.*categories grofvuil/.test(row)),
      'the changed deadline',
    );
    assert.doesNotMatch(await textOf(page, '#audit-table'), /routing\/preview/, 'a preview is no change');
    await page.fill('#audit-recordKind', 'categories');
    await page.click('.wp-filters button[type="submit"]');
    await page.waitForFunction(() =>
      /recordKind=categories/.test(document.querySelector('#audit-csv')?.getAttribute('href') ?? ''),
    );
    assert.match((await page.getAttribute('#audit-csv', 'href')) ?? '', /format=csv/);
    await expectNoAxeViolations(page, 'the audit log (nl)');
    const csv = await page.request.get(`${running.baseUrl}${await page.getAttribute('#audit-csv', 'href')}`);
    assert.match(await csv.text(), /PATCH \/api\/v1\/categories\/:code,categories,grofvuil,200/);

    await page.goto(`${running.baseUrl}/beheer/instellingen`);
    await page.waitForSelector('#settings-time-zone');
    assert.equal(await page.inputValue('#settings-time-zone'), 'Europe/Amsterdam');
    await page.fill('#settings-photo-days', '60');
    await page.click('form button[type="submit"]');
    await page.waitForFunction(() => /Opgeslagen/.test(document.querySelector('.wp-ok-text')?.textContent ?? ''));
    await expectNoAxeViolations(page, 'the settings (nl)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the configuration screens in English at 320 px without WCAG violations', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      language: 'en',
      viewport: { width: 320, height: 700 },
    });
    await loginAs(page, running.baseUrl, ADMIN);
    for (const [path, ready] of [
      ['/beheer/categorieen', '#categories-table'],
      ['/beheer/instellingen', '#settings-time-zone'],
      ['/beheer/routering', '#rules-table'],
      ['/beheer/audit', '#audit-table'],
    ] as const) {
      await page.goto(`${running.baseUrl}${path}`);
      await page.waitForSelector(ready);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} fits 320 px (overflows by ${overflow} px)`);
      await expectNoAxeViolations(page, `${path} (en, 320 px)`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
