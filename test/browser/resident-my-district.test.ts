/**
 * Stories of a resident: find the district officer on "Mijn wijk" by tapping the map and by address, see
 * the district's open reports and wijkraad meetings; and, while reporting, find that the same nuisance was
 * reported nearby already and follow that report instead ("Is dit dezelfde melding?").
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { seedDemoActivity } from '../../src/db/seed/demo-activity.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { openTestDb } from '../support/db.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  screenshot,
  startFakeLocatieserver,
  startWebApp,
  type RunningApp,
} from './support.ts';

const GROTE_MARKT_2 = {
  id: 'adr-0123456789abcdef0123456789abcdef',
  label: 'Grote Markt 2, 2011RD Haarlem',
  lon: 4.63663,
  lat: 52.38118,
};

async function ownerOf(db: Db, districtCode: string): Promise<string> {
  const { rows } = await db.query<{ name: string }>(
    'SELECT u.name FROM district_assignments a JOIN users u ON u.id = a.owner_id WHERE a.district_code = $1 AND a.valid_to IS NULL',
    [districtCode],
  );
  return rows[0]!.name;
}

async function districtShown(page: Page): Promise<string> {
  await page.waitForURL(/\/mijn-wijk\/WK\d{6}$/);
  await page.waitForSelector('#district-officer .wp-officer__name');
  await page.waitForSelector('#district-meetings li');
  await page.waitForSelector('#district-reports-summary:not(:empty)');
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe('resident: Mijn wijk and "Is dit dezelfde melding?"', () => {
  let db: Db;
  let running: RunningApp;
  let locatieserver: Awaited<ReturnType<typeof startFakeLocatieserver>>;
  let browser: Browser;

  before(async () => {
    db = await openTestDb();
    locatieserver = await startFakeLocatieserver([GROTE_MARKT_2]);
    running = await startWebApp(db, { env: { PDOK_LOCATIESERVER_URL: locatieserver.url } });
    await seedDemoActivity(db, { clock: systemClock }); // officers' meetings and open reports to show
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await locatieserver?.close();
    await db?.close();
  });

  it('finds the district officer by tapping the map, with the open reports and wijkraad meetings', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await page.goto(running.baseUrl);
    await page.click('nav a[href="/mijn-wijk"]');
    await page.waitForSelector('#district-finder-map .leaflet-overlay-pane path');
    await expectNoAxeViolations(page, 'the Mijn wijk finder (nl)');
    await page.locator('#district-finder-map').click(); // a tap in the middle of the map
    const code = await districtShown(page);
    const officer = await ownerOf(db, code);
    assert.equal((await page.textContent('#district-officer .wp-officer__name'))!.trim(), officer);
    assert.match((await page.textContent('#district-officer'))!, /In de wijk op \w+dag/);
    assert.match((await page.textContent('#district-meetings'))!, /Wijkraad/);
    assert.match((await page.textContent('#district-meetings'))!, new RegExp(`${officer} is erbij`));
    const open = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports r JOIN categories c ON c.id = r.category_id
        WHERE r.district_code = $1 AND r.status NOT IN ('resolved', 'cancelled') AND c.public`,
      [code],
    );
    assert.match(
      (await page.textContent('#district-reports-summary'))!,
      new RegExp(`^${open.rows[0]!.n} open meldingen`),
    );
    assert.equal(
      (await page
        .locator('#district-reports-map path.leaflet-interactive, #district-reports-map .leaflet-overlay-pane path')
        .count()) > 0,
      true,
    );
    assert.doesNotMatch(
      (await page.textContent('main'))!,
      /@example\.org|WP-[0-9A-Z]{4}-/,
      'no reporter data or tracking codes on the public page',
    );
    await expectNoAxeViolations(page, 'Mijn wijk of a district (nl)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('finds the district officer by address, in English', async () => {
    const { page, context } = await openPage(browser, running.baseUrl, {
      language: 'en',
      viewport: { width: 1024, height: 900 },
    });
    await page.goto(`${running.baseUrl}/mijn-wijk`);
    await page.waitForSelector('#district-finder-map .leaflet-overlay-pane path');
    await expectNoAxeViolations(page, 'the Mijn wijk finder (en)');
    await page.fill('#district-address', 'Grote Markt');
    await page.keyboard.press('Enter');
    await page.click('text=Grote Markt 2, 2011RD Haarlem');
    const code = await districtShown(page);
    assert.equal(code, 'WK039201');
    assert.equal(
      (await page.textContent('#district-officer .wp-officer__name'))!.trim(),
      await ownerOf(db, 'WK039201'),
    );
    assert.match((await page.textContent('h1'))!, /District Oude Stad/);
    assert.match((await page.textContent('#district-officer'))!, /In the district on \w+day/);
    await expectNoAxeViolations(page, 'Mijn wijk of a district (en)');
    await context.close();
  });

  it('chooses the district from the list by keyboard, and shows the screenshot view', async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    await page.goto(`${running.baseUrl}/mijn-wijk`);
    await page.waitForFunction(() => document.querySelectorAll('#district-select option').length > 20);
    await page.focus('#district-select');
    await page.selectOption('#district-select', 'WK039209');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await districtShown(page), 'WK039209');
    await page.waitForFunction(() => document.querySelectorAll('#district-reports-map path').length > 3);
    await screenshot(page, 'resident-my-district');
    await context.close();
  });

  for (const language of ['nl', 'en'] as const) {
    it(`shows open reports of the same subject nearby while reporting, and following one works (${language})`, async () => {
      const first = await fetch(`${running.baseUrl}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          category: 'grofvuil',
          description: `Matras naast de container (eerste melding, ${language}).`,
          location: { type: 'Point', coordinates: [GROTE_MARKT_2.lon + 0.0002, GROTE_MARKT_2.lat] },
        }),
      });
      const created = await first.text();
      assert.equal(first.status, 201, created);
      const { id } = JSON.parse(created) as { id: string };
      const publicId = (await db.query<{ public_id: string }>('SELECT public_id FROM reports WHERE id = $1', [id]))
        .rows[0]!.public_id;
      const before = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n;

      const { page, context, errors } = await openPage(browser, running.baseUrl, { language });
      await page.goto(`${running.baseUrl}/melden`);
      await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
      await page.selectOption('#category', 'grofvuil');
      await page.fill('#address', 'Grote Markt 2');
      await page.keyboard.press('Enter');
      await page.click('text=Grote Markt 2, 2011RD Haarlem');
      await page.waitForSelector('#duplicates-heading');
      const announced = await page.textContent('#duplicates [role="status"]');
      assert.match(
        announced ?? '',
        language === 'nl'
          ? /open melding(en)? over hetzelfde onderwerp vlakbij/
          : /open reports? on the same subject nearby/,
      );
      const item = page.locator(`[data-public-id="${publicId}"]`);
      assert.match(
        (await item.textContent())!,
        language === 'nl' ? /Grofvuil · op ongeveer \d+ meter/ : /Bulky waste · about \d+ metres away/,
      );
      await expectNoAxeViolations(page, `the report form with the duplicate hint (${language})`);

      await item.locator('button').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () =>
          (document.activeElement as HTMLInputElement | null)?.type === 'email' &&
          document.activeElement?.id.startsWith('follow-email'),
      );
      await page.keyboard.type('buurvrouw@example.net');
      await page.keyboard.press('Enter'); // follows; does not send the report form
      await item.locator('.wp-duplicates__done').waitFor();
      assert.match(
        (await item.textContent())!,
        language === 'nl' ? /U volgt deze melding/ : /You are following this report/,
      );
      await expectNoAxeViolations(page, `the report form after following (${language})`);

      const followers = await db.query<{ email: string; language: string }>(
        'SELECT email, language FROM report_followers WHERE report_id = $1',
        [id],
      );
      assert.deepEqual(followers.rows, [{ email: 'buurvrouw@example.net', language }]);
      assert.equal(
        (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n,
        before,
        'no second report was filed',
      );
      assert.equal(new URL(page.url()).pathname, '/melden');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});
