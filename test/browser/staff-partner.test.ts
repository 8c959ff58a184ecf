/**
 * Story of a partner: Wim de Boer of Spaarnelanden signs in and lands on the reports forwarded to his
 * organisation (overdue first), not on "Geen toegang". He accepts one report, sends another back to the officer
 * who forwarded it with a reason, and resolves a third with a text for the reporter. The municipality's internal
 * note never shows. The workspace, its map and a report pass axe in both languages, and fit a 320 px screen.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { bearerFor } from '../support/app.ts';
import { openTestDb } from '../support/db.ts';
import { fileReport, LONG_SESSIONS, pointIn, signIn, userIdOf, type Filed } from './staff-support.ts';
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
const PARKWIJK = 'WK039209';
const FATIMA = 'fatima.devries@haarlem.example';
const PARTNER = 'spaarnelanden@partner.example';
const INTERNAL_NOTE = 'Intern: melder belt vaak, niet aan de partner vertellen';

describe('a partner works the reports forwarded to Spaarnelanden', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  const clock = fixedClock(TUESDAY);
  const filed: Record<'overdue' | 'accept' | 'sendBack' | 'resolve', Filed> = {} as never;

  const forward = async (report: Filed, email: string) => {
    const auth = await bearerFor(db, await userIdOf(db, email), clock);
    const teams = await fetch(`${running.baseUrl}/api/v1/teams`, { headers: auth });
    const spaarnelanden = ((await teams.json()) as Array<{ id: string; code: string }>).find(
      (team) => team.code === 'spaarnelanden',
    )!;
    const response = await fetch(`${running.baseUrl}/api/v1/reports/${report.id}/assignment`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'partner', id: spaarnelanden.id, text: 'Graag ophalen.' }),
    });
    assert.equal(response.status, 200, await response.text());
  };
  const openReport = async (page: Page, description: string) => {
    await page.goto(`${running.baseUrl}/partner`);
    await page.locator('.wp-report-list__item', { hasText: description }).getByRole('link').click();
    await page.waitForSelector('#report-status');
  };
  const statusOf = async (id: string) =>
    (
      await db.query<{ status: string; assignee_kind: string; assignee_id: string }>(
        'SELECT status, assignee_kind, assignee_id FROM reports WHERE id = $1',
        [id],
      )
    ).rows[0]!;

  before(async () => {
    db = await openTestDb();
    running = await startWebApp(db, { clock, env: LONG_SESSIONS });
    browser = await launchBrowser();
    const file = async (description: string, offset: number) =>
      fileReport(running.baseUrl, { category: 'grofvuil', description, location: await pointIn(db, PARKWIJK, offset) });
    filed.overdue = await file('Matras al weken bij de glasbak.', 11);
    // Four weeks on (Tuesday again, Fatima's district day): the first report is past its deadline, the others not.
    clock.advance(28 * 24 * 3600_000);
    filed.accept = await file('Kapotte stoel op de stoep.', 12);
    filed.sendBack = await file('Bouwafval in de tuin van de buren.', 13);
    filed.resolve = await file('Volle vuilniszakken naast de container.', 14);
    for (const report of Object.values(filed)) {
      assert.equal(report.assignee.name, 'Fatima de Vries');
      await forward(report, FATIMA);
    }
    const coordinator = await bearerFor(db, await userIdOf(db, 'coordinator.oost@haarlem.example'), clock);
    const note = await fetch(`${running.baseUrl}/api/v1/reports/${filed.accept.id}/notes`, {
      method: 'POST',
      headers: { ...coordinator, 'content-type': 'application/json' },
      body: JSON.stringify({ text: INTERNAL_NOTE }),
    });
    assert.equal(note.status, 201, await note.text());
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('lands on the workspace, accepts one report, sends one back and resolves one', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await signIn(page, running.baseUrl, PARTNER, /\/partner$/);
    await page.waitForSelector('.wp-report-list__item');
    assert.deepEqual(await page.$$eval('.wp-staff-nav li a', (links) => links.map((a) => a.textContent)), [
      'Doorgezette meldingen',
    ]);
    const titles = await page.$$eval('.wp-report-list__item', (items) => items.map((item) => item.textContent ?? ''));
    assert.match(titles[0]!, /Matras al weken/, 'the overdue report comes first');
    assert.match(titles[0]!, /Over de termijn/);
    await expectNoAxeViolations(page, 'the partner workspace (nl)');
    await screenshot(page, 'partner-workspace', { fullPage: false });

    // Accept: in progress, still with Spaarnelanden; the municipality's internal note is not on the page.
    await openReport(page, 'Kapotte stoel op de stoep.');
    assert.doesNotMatch((await page.textContent('main')) ?? '', /Intern: melder belt vaak/);
    await page.click('#accept-save');
    await page.waitForFunction(() => /geaccepteerd/.test(document.querySelector('#detail-message')?.textContent ?? ''));
    assert.match((await page.textContent('#report-status')) ?? '', /In behandeling/);
    assert.match((await page.textContent('.wp-history')) ?? '', /geaccepteerd door Spaarnelanden/);
    assert.doesNotMatch((await page.textContent('main')) ?? '', /Intern: melder belt vaak/);
    await expectNoAxeViolations(page, 'an accepted report (nl)');
    const accepted = await statusOf(filed.accept.id);
    assert.deepEqual([accepted.status, accepted.assignee_kind], ['in_progress', 'partner']);

    // Send back: a reason is required; then the report is Fatima's again, in progress.
    await openReport(page, 'Bouwafval in de tuin van de buren.');
    await page.click('#send-back-save');
    await page.waitForSelector('#send-back-text-error');
    await page.fill('#send-back-text', 'Bouwafval op particulier terrein; dat halen wij niet op.');
    await page.click('#send-back-save');
    await page.waitForFunction(() =>
      /teruggestuurd/.test(document.querySelector('#detail-message')?.textContent ?? ''),
    );
    const sentBack = await statusOf(filed.sendBack.id);
    assert.deepEqual(sentBack, {
      status: 'in_progress',
      assignee_kind: 'officer',
      assignee_id: await userIdOf(db, FATIMA),
    });

    // Resolve with the text for the reporter.
    await openReport(page, 'Volle vuilniszakken naast de container.');
    await page.fill('#resolve-text', 'De zakken zijn opgehaald.');
    await page.click('#resolve-save');
    await page.waitForFunction(() => /afgehandeld/.test(document.querySelector('#detail-message')?.textContent ?? ''));
    assert.match((await page.textContent('#report-status')) ?? '', /Afgehandeld/);
    assert.equal((await statusOf(filed.resolve.id)).status, 'resolved');
    assert.match((await page.textContent('.wp-history')) ?? '', /De zakken zijn opgehaald\./);

    // The workspace no longer lists the one sent back; the resolved one is under "Afgehandeld".
    await page.goto(`${running.baseUrl}/partner`);
    await page.waitForSelector('.wp-report-list__item');
    const open = (await page.textContent('.wp-report-list')) ?? '';
    assert.doesNotMatch(open, /Bouwafval/);
    assert.doesNotMatch(open, /Volle vuilniszakken/);
    await page.selectOption('#partner-show', 'resolved');
    await page.waitForFunction(() =>
      /Volle vuilniszakken/.test(document.querySelector('.wp-report-list')?.textContent ?? ''),
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const language of ['nl', 'en'] as const) {
    it(`shows the workspace, its map and a report without WCAG violations, at 320 px too (${language})`, async () => {
      const { page, context, errors } = await openPage(browser, running.baseUrl, {
        language,
        viewport: { width: 320, height: 720 },
      });
      await loginAs(page, running.baseUrl, PARTNER);
      await page.goto(`${running.baseUrl}/partner`);
      await page.waitForSelector('.wp-report-list__item');
      const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
      assert.ok(await fits(), 'no sideways scrolling at 320 px');
      await expectNoAxeViolations(page, `the partner workspace at 320 px (${language})`);
      await page.click('#partner-show-map');
      await page.waitForSelector('#partner-map .leaflet-marker-icon');
      await expectNoAxeViolations(page, `the partner map (${language})`);
      await page.goto(`${running.baseUrl}/werk/melding/${filed.overdue.id}`);
      await page.waitForSelector('#accept-save');
      assert.ok(await fits(), 'the report fits at 320 px');
      assert.match((await page.textContent('#accept-save')) ?? '', language === 'en' ? /Accept report/ : /accepteren/);
      await expectNoAxeViolations(page, `a forwarded report at 320 px (${language})`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
