/**
 * Story of a coordinator working Team Parkeren's worklist: on the team board she clicks the team's count, which opens
 * the Werkvoorraad filtered to the team; she narrows it to the overdue reports, opens one (its place on a map, its
 * history in words) and reassigns it to an officer with a reason, which becomes the report's routing reason and a
 * history line naming the new holder. The worklist and the report pass axe in both languages and fit 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';
import { fileReport, LONG_SESSIONS, pointIn, signIn, userIdOf } from './staff-support.ts';
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
/** A week later: what was filed on Tuesday with three work days is overdue. */
const NEXT_TUESDAY = '2026-12-01T10:00:00+01:00';
const clock = fixedClock(TUESDAY);

describe('coordinator works Team Parkeren’s worklist', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  let teamId: string;

  const parkerenOverdue = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reports WHERE assignee_kind = 'team' AND assignee_id = $1
            AND status NOT IN ('resolved', 'cancelled') AND deadline < $2`,
        [teamId, clock.now()],
      )
    ).rows[0]!.n;

  before(async () => {
    db = await openTestDb();
    running = await startWebApp(db, { clock, env: LONG_SESSIONS });
    browser = await launchBrowser();
    teamId = (await db.query<{ id: string }>("SELECT id FROM teams WHERE code = 'parkeren'")).rows[0]!.id;
    // Routing sends parking nuisance to Team Parkeren: three filed a week ago, one today.
    const file = async (category: string, description: string, offset: number) => {
      const filed = await fileReport(running.baseUrl, {
        category,
        description,
        location: await pointIn(db, 'WK039201', offset),
      });
      assert.equal(filed.assignee.name, 'Team Parkeren');
    };
    await file('parkeeroverlast', 'Busje staat elke ochtend op de stoep.', 1);
    await file('fout-geparkeerd', 'Auto op het fietspad.', 2);
    await file('parkeeroverlast', 'Parkeren voor de uitrit.', 3);
    clock.set(NEXT_TUESDAY);
    await file('fout-geparkeerd', 'Scooter in de gang van de flat.', 4);
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('opens the team’s reports from the board, filters the overdue ones and reassigns one with a reason', async () => {
    const overdue = await parkerenOverdue();
    assert.equal(overdue, 3);
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await signIn(page, running.baseUrl, 'coordinator.oost@haarlem.example', /\/team$/);
    const team = page.locator('#other-assignees li', { hasText: 'Team Parkeren' });
    await team.getByRole('link', { name: /Open meldingen van Team Parkeren/ }).click();
    await page.waitForURL(new RegExp(`/werkvoorraad\\?holder=team%3A${teamId}$`));
    await page.waitForFunction(() => /meldingen/.test(document.querySelector('#queue-summary')?.textContent ?? ''));
    assert.equal(await page.inputValue('#queue-holder'), `team:${teamId}`);
    const items = page.locator('.wp-report-list__item');
    assert.ok((await items.count()) > overdue, 'open reports in time are listed too');
    for (const text of await items.allTextContents()) assert.match(text, /bij Team Parkeren/);

    await page.selectOption('#queue-overdue', 'true');
    await page.click('#queue-apply');
    await page.waitForURL(/overdue=true/);
    await page.waitForFunction(
      (n) =>
        new RegExp(`^${n} meldingen, waarvan ${n} over de termijn`).test(
          document.querySelector('#queue-summary')?.textContent ?? '',
        ),
      overdue,
    );
    assert.equal(await items.count(), overdue);
    await expectNoAxeViolations(page, 'the worklist of Team Parkeren, overdue (nl)');
    await screenshot(page, 'worklist-team-parkeren', { fullPage: false });

    // The list is sorted by deadline: the first is the one overdue longest.
    await items.first().getByRole('link').click();
    await page.waitForURL(/\/werk\/melding\//);
    const reportId = page.url().split('/').pop()!;
    await page.locator('#report-location-map .wp-report-dot').waitFor();
    await expectNoAxeViolations(page, 'an overdue report of Team Parkeren (nl)');

    const officer = await userIdOf(db, 'fatima.devries@haarlem.example');
    await page.selectOption('#assign-to', `officer:${officer}`);
    await page.fill('#assign-text', 'Hoort bij de wijkronde van morgen');
    await page.click('#assign-save');
    await page.waitForFunction(() => /toegewezen/.test(document.querySelector('#detail-message')?.textContent ?? ''));
    const lastLine = page.locator('#report-history li').last();
    assert.match((await lastLine.textContent()) ?? '', /Marieke Hoekstra: toegewezen aan Fatima de Vries/);
    assert.match((await lastLine.textContent()) ?? '', /Hoort bij de wijkronde van morgen/);
    const { rows } = await db.query<{ assignee_id: string; routing_reason_nl: string }>(
      'SELECT assignee_id, routing_reason_nl FROM reports WHERE id = $1',
      [reportId],
    );
    assert.equal(rows[0]!.assignee_id, officer);
    assert.equal(
      rows[0]!.routing_reason_nl,
      'Handmatig toegewezen aan Fatima de Vries door Marieke Hoekstra: Hoort bij de wijkronde van morgen',
    );
    assert.match((await page.textContent('main')) ?? '', /Hoort bij de wijkronde van morgen/);
    assert.equal(await parkerenOverdue(), overdue - 1);

    // It turns out to be about the same car as another of the team's reports: close it as that one's duplicate,
    // found by its tracking code as someone would type it.
    const main = (
      await db.query<{ id: string; tracking_code: string }>(
        `SELECT id, tracking_code FROM reports WHERE assignee_kind = 'team' AND id <> $1 ORDER BY created_at LIMIT 1`,
        [reportId],
      )
    ).rows[0]!;
    await page.fill('#duplicate-search', main.tracking_code.toLowerCase().replace(/-/g, ' '));
    await page.click('#duplicate-find');
    await page.locator('#duplicate-main').waitFor();
    assert.equal(await page.inputValue('#duplicate-main'), main.id);
    await expectNoAxeViolations(page, 'the duplicate action with a found report (nl)');
    await page.click('#duplicate-save');
    await page.waitForFunction(() => /Geannuleerd/.test(document.querySelector('#report-status')?.textContent ?? ''));
    assert.match(
      (await page.locator('#report-history li').last().textContent()) ?? '',
      /Marieke Hoekstra: gesloten als dubbele melding \(hoofdmelding\)/,
    );
    const { rows: linked } = await db.query<{ duplicate_of: string }>(
      'SELECT duplicate_of FROM reports WHERE id = $1',
      [reportId],
    );
    assert.equal(linked[0]!.duplicate_of, main.id);
    await screenshot(page, 'report-detail-history', { fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const language of ['nl', 'en'] as const) {
    it(`shows the worklist and a report without WCAG violations, also at 320 px (${language})`, async () => {
      const { page, context, errors } = await openPage(browser, running.baseUrl, {
        language,
        viewport: { width: 320, height: 700 },
      });
      await loginAs(page, running.baseUrl, 'coordinator.centrum@haarlem.example');
      await page.goto(`${running.baseUrl}/werkvoorraad?holder=team%3A${teamId}&sort=updated`);
      await page.locator('.wp-report-list__item').first().waitFor();
      assert.equal(await page.inputValue('#queue-sort'), 'updated');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at 320 px (${overflow} px too wide)`);
      await expectNoAxeViolations(page, `the worklist at 320 px (${language})`);
      await page.locator('.wp-report-list__item a').first().click();
      await page.locator('#report-history').waitFor();
      await expectNoAxeViolations(page, `a report at 320 px (${language})`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
