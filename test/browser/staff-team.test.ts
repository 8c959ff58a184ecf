/**
 * Story of a coordinator: on the team board she registers Fatima's sick leave; the board says how many
 * reports went to a colleague, and the next report for Parkwijk goes to the backup. She redistributes the
 * backup's reports in bulk. The team board and the management overview pass axe in both languages.
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

/** Tuesday 24 November 2026, 10:00 in Haarlem: Fatima de Vries' district day in Parkwijk. */
const TUESDAY = '2026-11-24T10:00:00+01:00';
const PARKWIJK = 'WK039209';

describe('coordinator plans the team', () => {
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

  const openOf = async (email: string) =>
    (
      await db.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM reports WHERE assignee_id = $1 AND status NOT IN ('resolved', 'cancelled')",
        [await userIdOf(db, email)],
      )
    ).rows[0]!.n;

  it('registers an absence, and the next report for the district goes to the colleague', async () => {
    const before1 = await fileReport(running.baseUrl, {
      category: 'hondenpoep',
      description: 'Hondenpoep bij de school.',
      location: await pointIn(db, PARKWIJK, 1),
    });
    const before2 = await fileReport(running.baseUrl, {
      category: 'grofvuil',
      description: 'Bankstel op de stoep.',
      location: await pointIn(db, PARKWIJK, 2),
    });
    assert.deepEqual([before1.assignee.name, before2.assignee.name], ['Fatima de Vries', 'Fatima de Vries']);

    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await signIn(page, running.baseUrl, 'coordinator.oost@haarlem.example', /\/team$/);
    const fatimaRow = page.locator('#officer-table tbody tr', { hasText: 'Fatima de Vries' });
    await fatimaRow.waitFor();
    assert.match((await fatimaRow.textContent()) ?? '', /Wijkdag/);
    assert.match((await page.textContent('#team-in-district')) ?? '', /Fatima de Vries — Parkwijk/);
    // The coordinator of Oost + Schalkwijk starts with her own group; the rest of the city is one choice away.
    assert.equal(
      await page.$eval('#team-group', (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent),
      'Oost + Schalkwijk',
    );
    assert.doesNotMatch((await page.textContent('#officer-table')) ?? '', /Sanne Bakker/);
    await page.selectOption('#team-group', '');
    await page.waitForFunction(() => /Sanne Bakker/.test(document.querySelector('#officer-table')?.textContent ?? ''));
    await page.selectOption('#team-group', { label: 'Oost + Schalkwijk' });
    await expectNoAxeViolations(page, 'the team board (nl)');

    await fatimaRow.getByRole('button').click();
    assert.equal(await page.inputValue('#absence-officer'), await userIdOf(db, 'fatima.devries@haarlem.example'));
    await page.selectOption('#absence-kind', 'sick');
    await page.fill('#absence-start', '2026-11-24T08:00');
    await page.fill('#absence-end', '2026-12-18T18:00');
    await page.click('#absence-save');
    await page.waitForFunction(() => /opgeslagen/.test(document.querySelector('#absence-result')?.textContent ?? ''));
    assert.match(
      (await page.textContent('#absence-result')) ?? '',
      /Afwezigheid van Fatima de Vries opgeslagen\. 2 open meldingen zijn naar een collega gegaan\./,
    );
    assert.equal(await openOf('fatima.devries@haarlem.example'), 0);
    await page.waitForFunction(() =>
      /Fatima de Vries: Ziek/.test(document.querySelector('#team-absent')?.textContent ?? ''),
    );
    await expectNoAxeViolations(page, 'the team board after the absence (nl)');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'team-board', { fullPage: false });

    const next = await fileReport(running.baseUrl, {
      category: 'wildplassen',
      description: 'Wildplassen in het portiek.',
      location: await pointIn(db, PARKWIJK, 3),
    });
    const { rows } = await db.query<{ name: string }>(
      'SELECT u.name FROM district_assignments a JOIN users u ON u.id = a.backup_id WHERE a.district_code = $1 AND a.valid_to IS NULL',
      [PARKWIJK],
    );
    assert.equal(next.assignee.name, rows[0]!.name, 'the next report goes to the district backup');
    assert.notEqual(next.assignee.name, 'Fatima de Vries');

    // The backup finds Fatima's reports in her own worklist, marked as covering for a colleague.
    const esra = await openPage(browser, running.baseUrl);
    await loginAs(esra.page, running.baseUrl, 'esra.yilmaz@haarlem.example');
    await esra.page.goto(`${running.baseUrl}/werk`);
    const covered = esra.page.locator('.wp-report-list__item', { hasText: 'Bankstel op de stoep.' });
    await covered.waitFor();
    await covered.locator('.wp-badge--cover').waitFor();
    assert.match((await covered.textContent()) ?? '', /Voor collega/);
    await expectNoAxeViolations(esra.page, 'a worklist with reports covered for a colleague (nl)');
    await esra.context.close();

    // Redistribute everything the backup now holds to another colleague in one go.
    const backupEmail = 'esra.yilmaz@haarlem.example';
    assert.equal(rows[0]!.name, 'Esra Yılmaz');
    const held = await openOf(backupEmail);
    await page.selectOption('#bulk-from', await userIdOf(db, backupEmail));
    await page.waitForSelector('#bulk-title ~ form .wp-report-list__item');
    await page.click('text=Alles selecteren');
    await page.selectOption('#bulk-to', `officer:${await userIdOf(db, 'kevin.tjonafong@haarlem.example')}`);
    await page.click('#bulk-save');
    await page.waitForFunction(() => /toegewezen/.test(document.querySelector('#bulk-result')?.textContent ?? ''));
    assert.match(
      (await page.textContent('#bulk-result')) ?? '',
      new RegExp(`^${held} meldingen toegewezen aan Kevin Tjon A Fong`),
    );
    assert.equal(await openOf(backupEmail), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const language of ['nl', 'en'] as const) {
    it(`shows the team board and the management overview without WCAG violations (${language})`, async () => {
      const { page, context, errors } = await openPage(browser, running.baseUrl, {
        language,
        viewport: { width: 1280, height: 900 },
      });
      await loginAs(page, running.baseUrl, 'teammanager@haarlem.example');
      await page.goto(`${running.baseUrl}/team`);
      await page.waitForSelector('#officer-table tbody tr');
      await expectNoAxeViolations(page, `the team board (${language})`);
      await page.goto(`${running.baseUrl}/overzicht`);
      await page.waitForSelector('#per-week-table', { state: 'attached' });
      await page.click('#per-week-title ~ details summary');
      const weekRows = await page.$$eval('#per-week-table tbody tr', (rows) =>
        rows.map((row) => [...row.children].map((cell) => cell.textContent)),
      );
      assert.equal(weekRows.length, 1, 'one week with reports');
      assert.equal(weekRows[0]![0], '2026-11-23');
      assert.equal(
        weekRows[0]!.slice(1).reduce((sum, cell) => sum + Number(cell), 0),
        3,
        'the three reports of the story',
      );
      await expectNoAxeViolations(page, `the management overview (${language})`);
      const svgTitles = await page.$$eval('svg[role="img"] > title', (titles) => titles.map((t) => t.textContent));
      assert.equal(svgTitles.length, 3, 'three charts, each with a title');
      if (language === 'nl') await screenshot(page, 'management-overview');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
