/**
 * Story of the analyst: on /analyse she reads the hotspot map (and its table and exports), the time-of-week
 * strip, the forecast beside its backtest, what goes unreported and the team's plans for next week. Then an
 * officer opens "Mijn week" in the worklist and subscribes to it: the .ics holds his visits. The demo's
 * activity seed (field work, hotspot reports, observations, survey, next week's plans) gives every view real data.
 * The week after, the coordinator reads last week's plan against the presence rounds that happened, and an
 * administrator uploads this year's survey. axe finds nothing on any view, in Dutch and in English.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { seedDemoActivity } from '../../src/db/seed/demo-activity.ts';
import { generatePatrolPlans } from '../../src/domain/analysis/index.ts';
import { importFieldwork } from '../../src/domain/fieldwork/index.ts';
import { fixedClock, systemClock } from '../../src/shared/clock.ts';
import { openTestDb } from '../support/db.ts';
import { LONG_SESSIONS, signIn } from './staff-support.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  loginAs,
  openPage,
  screenshot,
  startWebApp,
  type RunningApp,
} from './support.ts';

const ANALYST = 'analist@haarlem.example';
const views = ['kaart', 'tijd', 'voorspelling', 'niet-gemeld', 'zichtbaarheid', 'plannen'] as const;

describe('analyst tells the team where and when', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  let officer: { email: string; name: string; visits: number };

  before(async () => {
    db = await openTestDb();
    // The real clock on both sides: the screens ask for "the last 12 weeks" and "next week" by the browser's clock.
    running = await startWebApp(db, { env: LONG_SESSIONS });
    await seedDemoActivity(db, { clock: systemClock });
    const { rows } = await db.query<{ email: string; name: string; visits: number }>(
      `SELECT u.email, u.name, count(v.id)::int AS visits
         FROM patrol_plans p JOIN users u ON u.id = p.officer_id JOIN patrol_visits v ON v.plan_id = p.id
        GROUP BY u.email, u.name ORDER BY visits DESC, u.email LIMIT 1`,
    );
    assert.ok(rows[0], 'the demo analysis seed made no patrol plans');
    officer = rows[0];
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('walks map → time strip → backtest → unreported → plans', async () => {
    const { page, context, errors, blocked } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    // A new analyst lands on /analyse (it used to be a 404).
    await signIn(page, running.baseUrl, ANALYST, /\/analyse$/);

    // Kaart: cells with counts, some of them significant hotspots, and the same data as a table.
    await page.waitForSelector('#hotspot-map path.leaflet-interactive, #hotspot-map path');
    const summary = (await page.textContent('#hotspots-summary')) ?? '';
    const [, total, , hot] = /(\d+) gebeurtenissen in (\d+) cellen van 125 m; (\d+) cellen/.exec(summary) ?? [];
    assert.ok(Number(total) > 0, summary);
    assert.ok(Number(hot) > 0, `no significant hotspot in the demo data: ${summary}`);
    assert.ok((await page.locator('#hotspot-table tbody tr').count()) > 0);
    assert.match((await page.textContent('#hotspot-table')) ?? '', /Hotspot, z > (1,96|3,29)/);
    const csvHref = await page.getAttribute('a:has-text("Download als CSV")', 'href');
    const csv = await page.request.get(`${running.baseUrl}${csvHref}`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'] ?? '', /text\/csv/);
    const geoHref = await page.getAttribute('a:has-text("Download als GeoJSON")', 'href');
    const geo = await page.request.get(`${running.baseUrl}${geoHref}`);
    assert.equal(geo.status(), 200);
    assert.equal(((await geo.json()) as { type: string }).type, 'FeatureCollection');
    // A filter changes what is asked: only observations by officers.
    await page.selectOption('#analysis-source', 'observations');
    await page.waitForFunction((before) => {
      const text = document.querySelector('#hotspots-summary')?.textContent ?? '';
      return text !== '' && text !== before;
    }, summary);
    await page.selectOption('#analysis-source', 'reports');
    await page.waitForSelector('#hotspots-summary');
    await expectNoAxeViolations(page, 'the hotspot map (nl)');
    await screenshot(page, 'analysis-map', { fullPage: false });

    // Tijd: the 7 × 24 strip and its table, the busiest slots.
    await page.click('#view-tijd');
    await page.waitForSelector('#heat-strip');
    assert.equal(await page.locator('#heat-strip rect').count(), 168);
    assert.equal(await page.locator('#time-table tbody tr').count(), 7);
    assert.ok((await page.locator('#busiest-slots li').count()) > 0);
    assert.match((await page.textContent('#time-trends')) ?? '', /Laatste 7 dagen/);
    await expectNoAxeViolations(page, 'the time strip (nl)');
    await screenshot(page, 'analysis-time');

    // Voorspelling: the backtest of every method and the chosen one, and the feedback-loop statement.
    await page.click('#view-voorspelling');
    await page.waitForSelector('#backtest-table');
    const backtest = (await page.textContent('#backtest-table')) ?? '';
    for (const method of ['naive', 'decay', 'kernel']) assert.match(backtest, new RegExp(method));
    assert.match(backtest, /Gekozen \(/);
    assert.match(backtest, /1(,0)?%.*3(,0)?%.*5(,0)?%/s);
    assert.ok(((await page.textContent('#feedback-loop')) ?? '').length > 40);
    await expectNoAxeViolations(page, 'the forecast and its backtest (nl)');
    await screenshot(page, 'analysis-forecast');

    // Niet gemeld: per district × category, with the assumptions on screen.
    await page.click('#view-niet-gemeld');
    await page.waitForSelector('#unreported-table tbody tr');
    assert.ok(((await page.textContent('#unreported-assumptions')) ?? '').length > 40);
    assert.match((await page.textContent('#unreported-table thead')) ?? '', /95 %-interval/);
    await expectNoAxeViolations(page, 'the unreported view (nl)');

    // Zichtbaarheid: the survey years of the demo beside presence.
    await page.click('#view-zichtbaarheid');
    await page.waitForSelector('#visibility-table tbody tr');
    assert.match((await page.textContent('#visibility-table')) ?? '', /2025/);
    await expectNoAxeViolations(page, 'the visibility view (nl)');

    // Plannen: next week's visits per officer, with their reason.
    await page.click('#view-plannen');
    const plan = page.locator('.wp-plan', { hasText: officer.name });
    await plan.waitFor();
    assert.equal(await plan.locator('tbody tr').count(), officer.visits);
    assert.match((await plan.textContent()) ?? '', /meldingen/);
    await expectNoAxeViolations(page, 'the team plans (nl)');
    await screenshot(page, 'analysis-plans');

    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
    await context.close();
  });

  it('shows every analysis view without WCAG violations in English', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      language: 'en',
      viewport: { width: 1280, height: 900 },
    });
    await loginAs(page, running.baseUrl, ANALYST);
    for (const view of views) {
      await page.goto(`${running.baseUrl}/analyse?weergave=${view}`);
      await page.waitForSelector('main h2');
      await page.waitForFunction(() => !document.querySelector('main [role="status"]')?.textContent?.includes('…'));
      await expectNoAxeViolations(page, `the ${view} view (en)`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('the officer opens his week, prints it and subscribes to it as a calendar', async () => {
    for (const language of ['nl', 'en'] as const) {
      const { page, context, errors } = await openPage(browser, running.baseUrl, {
        language,
        viewport: { width: 1280, height: 900 },
      });
      await loginAs(page, running.baseUrl, officer.email);
      await page.goto(`${running.baseUrl}/werk`);
      await page.waitForSelector('#my-week-visits tbody tr');
      assert.equal(await page.locator('#my-week-visits tbody tr').count(), officer.visits);
      await expectNoAxeViolations(page, `the worklist with Mijn week (${language})`);
      if (language === 'nl') {
        // The print button opens the print dialog with only this section visible.
        await page.evaluate(() => {
          (window as unknown as { printed: number }).printed = 0;
          window.print = () => {
            (window as unknown as { printed: number }).printed += 1;
          };
        });
        await page.click('#print-week');
        assert.equal(await page.evaluate(() => (window as unknown as { printed: number }).printed), 1);
        assert.ok(await page.evaluate(() => document.body.classList.contains('wp-print-week')));
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('.wp-staff-nav').isVisible(), false);
        assert.equal(await page.locator('#my-week-visits').isVisible(), true);
        await page.emulateMedia({ media: 'screen' });

        await page.click('#subscribe-calendar');
        const url = await page.inputValue('#calendar-url');
        assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/patrol-plans\/[0-9a-f-]{36}\/calendar\?token=/);
        await expectNoAxeViolations(page, 'Mijn week with the calendar address (nl)');
        await screenshot(page, 'officer-my-week');
        // A calendar app fetches it without the session cookie.
        const ics = await fetch(url);
        assert.equal(ics.status, 200);
        assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
        const body = await ics.text();
        assert.match(body, /^BEGIN:VCALENDAR/);
        assert.equal(body.match(/BEGIN:VEVENT/g)?.length, officer.visits);
      }
      assert.deepEqual(errors, []);
      await context.close();
    }
  });

  it("the week after: the coordinator reads last week's plan against what happened; an administrator uploads the survey", async () => {
    // Last week's plans, made on the Sunday before it, and one presence round that covers the first visit.
    const weekStart = mondayBefore(new Date(), 1);
    const made = await generatePatrolPlans(
      { db, clock: fixedClock(new Date(Date.parse(`${weekStart}T12:00:00Z`) - 24 * 3600 * 1000)) },
      { municipalityCode: 'GM0392', userId: null },
      { weekStart },
    );
    const plan = made.plans.find((p) => p.officer.name === officer.name && p.visits.length > 0);
    assert.ok(plan, `no plan for ${officer.name} in the week of ${weekStart}`);
    const first = plan.visits[0]!;
    await importFieldwork({ db }, 'GM0392', {
      rounds: [
        {
          officerId: plan.officer.id,
          districtCode: first.districtCode,
          startedAt: new Date(Date.parse(first.startsAt) - 5 * 60_000),
          endedAt: new Date(Date.parse(first.endsAt) + 5 * 60_000),
        },
      ],
    });

    const coordinator = await openPage(browser, running.baseUrl, { viewport: { width: 1280, height: 900 } });
    await loginAs(coordinator.page, running.baseUrl, 'coordinator.oost@haarlem.example');
    await coordinator.page.goto(`${running.baseUrl}/analyse?weergave=plannen`);
    await coordinator.page.selectOption('#plans-week', weekStart);
    const evaluation = coordinator.page.locator(`#evaluation-${plan.id}`);
    await evaluation.waitFor();
    assert.equal(await evaluation.locator('tbody tr').count(), plan.visits.length);
    assert.match((await evaluation.locator('tbody tr').first().textContent()) ?? '', /ja/);
    await expectNoAxeViolations(coordinator.page, 'last week against what happened (nl)');
    assert.deepEqual(coordinator.errors, []);
    await coordinator.context.close();

    const admin = await openPage(browser, running.baseUrl, { viewport: { width: 1280, height: 900 } });
    await loginAs(admin.page, running.baseUrl, 'admin@haarlem.example');
    await admin.page.goto(`${running.baseUrl}/analyse?weergave=zichtbaarheid`);
    await admin.page.waitForSelector('#visibility-table tbody tr');
    await admin.page.setInputFiles('#survey-file', {
      name: 'omnibus-2026.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'year,districtCode,question,share,respondents\n2026,WK039201,kent u uw wijkhandhaver?,0.41,212\n2026,WK039202,kent u uw wijkhandhaver?,0.37,190\n',
      ),
    });
    await admin.page.click('form[aria-labelledby="survey-title"] button[type="submit"]');
    const status = admin.page.locator('form[aria-labelledby="survey-title"] [role="status"]');
    await status.waitFor();
    assert.match((await status.textContent()) ?? '', /2 .*2026/);
    await admin.page.waitForFunction(() => document.querySelector('#visibility-table')?.textContent?.includes('41%'));
    await expectNoAxeViolations(admin.page, 'the visibility view after a survey upload (nl)');
    assert.deepEqual(admin.errors, []);
    await admin.context.close();
  });
});

/** Monday (YYYY-MM-DD, Amsterdam's calendar) `weeksBack` weeks before the week holding `now`. */
function mondayBefore(now: Date, weeksBack: number): string {
  const local = new Date(now.toLocaleString('en-US', { timeZone: 'Europe/Amsterdam' }));
  local.setDate(local.getDate() - ((local.getDay() + 6) % 7) - 7 * weeksBack);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}
