/**
 * Stories of a resident on a phone: file a report by tapping the map with a photo, follow it on the
 * tracking page; the same by keyboard alone; the error summary; tiles or address search unavailable.
 */
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';
import {
  expectNoAxeViolations,
  launchBrowser,
  openPage,
  samplePhoto,
  screenshot,
  startFakeLocatieserver,
  startTileServer,
  startWebApp,
  type RunningApp,
} from './support.ts';

async function reportsWith(db: Db, description: string) {
  const { rows } = await db.query<{ tracking_code: string; district_code: string; status: string }>(
    'SELECT tracking_code, district_code, status FROM reports WHERE description = $1',
    [description],
  );
  return rows;
}

/** Presses Tab until the element matching `selector` has focus: a keyboard user's way through the page. */
async function tabTo(page: Page, selector: string, maxPresses = 60): Promise<void> {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`${selector} not reached with ${maxPresses} Tab presses`);
}

async function formReady(page: Page) {
  await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
  await page.waitForSelector('.leaflet-overlay-pane path');
}

describe('resident files a report', () => {
  let db: Db;
  let running: RunningApp;
  let tiles: Awaited<ReturnType<typeof startTileServer>>;
  let browser: Browser;

  before(async () => {
    db = await openTestDb();
    tiles = await startTileServer();
    running = await startWebApp(db, { env: { MAP_TILE_URL: tiles.url } });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await tiles?.close();
    await db?.close();
  });

  it('with a map tap and a photo, and sees the tracking page', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await page.goto(`${running.baseUrl}/melden`);
    await formReady(page);
    assert.ok(tiles.served() > 0, 'background tiles come from the configured (local) tile server');

    await page.fill('#category-search', 'hondenp');
    await page.waitForFunction(() => (document.querySelector('#category') as HTMLSelectElement).value === 'hondenpoep');
    await page.locator('#location-map').click(); // a tap in the middle of the map
    await page.waitForFunction(() => /wijk/i.test(document.querySelector('#location-result')?.textContent ?? ''));
    const description = 'Veel hondenpoep op de stoep bij de speeltuin (tap-verhaal).';
    await page.fill('#description', description);
    await page.setInputFiles('#photos', samplePhoto());
    await page.waitForSelector('.wp-photos img');
    await page.fill('#email', 'bewoner@example.org');
    await screenshot(page, 'resident-report-form');
    await expectNoAxeViolations(page, 'the filled-in report form (nl)');

    await page.click('#submit-report');
    await page.waitForURL(/\/melden\/bedankt\//);
    const trackingCode = (await page.textContent('#tracking-code'))!.trim();
    assert.match((await page.textContent('main')) ?? '', /1 foto is toegevoegd/);
    await expectNoAxeViolations(page, 'the confirmation page (nl)');

    const stored = await reportsWith(db, description);
    assert.equal(stored.length, 1);
    assert.equal(stored[0]!.tracking_code, trackingCode);
    assert.match(stored[0]!.district_code, /^WK0392\d\d$/);
    const photos = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM photos p JOIN reports r ON r.id = p.report_id WHERE r.tracking_code = $1',
      [trackingCode],
    );
    assert.equal(photos.rows[0]!.n, 1, 'the photo is stored with the report');
    // The public gets who takes it, not the routing reason (which tells why colleagues are away).
    const {
      rows: [routing],
    } = await db.query<{ reason: string }>('SELECT routing_reason_nl AS reason FROM reports WHERE tracking_code = $1', [
      trackingCode,
    ]);
    const confirmation = (await page.textContent('main')) ?? '';
    assert.match(confirmation, /Uw melding is doorgestuurd naar /);
    assert.ok(!confirmation.includes(routing!.reason), 'the routing reason stays off the confirmation page');

    await page.click(`a[href="/melding/${trackingCode}"]`);
    await page.waitForSelector('#report-status');
    assert.match((await page.textContent('#report-status'))!, /Gemeld/);
    assert.match((await page.textContent('#report-status'))!, /Hondenpoep/);
    await screenshot(page, 'resident-report-status');
    await expectNoAxeViolations(page, 'the status page (nl)');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('by keyboard alone, and a double Enter makes one report', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await page.goto(`${running.baseUrl}/melden`);
    await formReady(page);

    await tabTo(page, '#category-search');
    await page.keyboard.type('wildplas');
    await page.waitForFunction(
      () => (document.querySelector('#category') as HTMLSelectElement).value === 'wildplassen',
    );
    await tabTo(page, '#location-map');
    await page.keyboard.press('Enter'); // the centre of the map
    await page.waitForSelector('.wp-marker');
    await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => document.activeElement?.classList.contains('wp-marker')),
      'the pin takes focus after the map',
    );
    const before = await page.evaluate(() => document.querySelector('.wp-marker')!.getBoundingClientRect().left);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (left) => document.querySelector('.wp-marker')!.getBoundingClientRect().left > left + 15,
      before,
    );
    await page.waitForFunction(() => /wijk/i.test(document.querySelector('#location-result')?.textContent ?? ''));

    const description = 'Iemand plast elke avond tegen de kerkmuur (toetsenbord-verhaal).';
    await tabTo(page, '#description');
    await page.keyboard.type(description);
    await tabTo(page, '#consent');
    await page.keyboard.press('Space');
    await tabTo(page, '#submit-report');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/melden\/bedankt\//);
    assert.equal((await reportsWith(db, description)).length, 1, 'a double Enter makes one report');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('retries after a lost answer with the same Idempotency-Key, so the retry makes no second report', async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    const keys: string[] = [];
    let answersLost = 0;
    await page.route('**/api/v1/reports', async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      const response = await route.fetch(); // the server makes the report ...
      if (answersLost++ === 0) return route.abort('connectionreset'); // ... but its answer never arrives
      return route.fulfill({ response });
    });
    await page.goto(`${running.baseUrl}/melden`);
    await formReady(page);
    await page.selectOption('#category', 'grofvuil');
    await page.locator('#location-map').click();
    await page.waitForFunction(() => /wijk/i.test(document.querySelector('#location-result')?.textContent ?? ''));
    const description = 'Een bank en een matras naast de container (herhaal-verhaal).';
    await page.fill('#description', description);
    await page.click('#submit-report');
    await page.waitForSelector('text=Het versturen is niet gelukt');
    await page.click('#submit-report');
    await page.waitForURL(/\/melden\/bedankt\//);
    assert.equal(keys.length, 2);
    assert.match(keys[0]!, /^[0-9a-f-]{36}$/);
    assert.equal(keys[1], keys[0], 'the retry sends the same key');
    assert.equal((await reportsWith(db, description)).length, 1, 'the retry makes no second report');
    await context.close();
  });

  it('shows an error summary that takes focus and links to each field', async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    await page.goto(`${running.baseUrl}/melden`);
    await formReady(page);
    await page.fill('#email', 'geen-adres');
    await page.click('#submit-report');
    await page.waitForSelector('#error-summary');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'error-summary');
    const links = await page.$$eval('#error-summary a', (anchors) => anchors.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['#category', '#location-map', '#description', '#email']);
    await expectNoAxeViolations(page, 'the report form with errors (nl)');
    await page.click('#error-summary a[href="#description"]');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'description');
    assert.equal(await page.getAttribute('#description', 'aria-invalid'), 'true');
    await context.close();
  });

  it('still works when the background map and address search are unavailable (no network)', async () => {
    const offline = await startWebApp(db, {
      env: { MAP_TILE_URL: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/grijs/EPSG:3857/{z}/{x}/{y}.png' },
    });
    try {
      const { page, context, blocked } = await openPage(browser, offline.baseUrl);
      await page.goto(`${offline.baseUrl}/melden`);
      await formReady(page);
      await page.waitForSelector('text=De achtergrondkaart is nu niet beschikbaar');
      assert.ok(
        blocked.some((url) => url.includes('service.pdok.nl')),
        'tile requests left the machine only to be blocked',
      );
      await page.fill('#address', 'Grote Markt 2');
      await page.click('text=Zoek adres');
      await page.waitForSelector('text=Adres zoeken lukt nu niet; tik de plek aan op de kaart.');
      await page.locator('#location-map').click();
      await page.waitForFunction(() => /wijk/i.test(document.querySelector('#location-result')?.textContent ?? ''));
      await context.close();
    } finally {
      await offline.close();
    }
  });

  it('finds the place by address search, by keyboard', async () => {
    const locatieserver = await startFakeLocatieserver([
      {
        id: 'adr-0123456789abcdef0123456789abcdef',
        label: 'Grote Markt 2, 2011RD Haarlem',
        lon: 4.63663,
        lat: 52.38118,
      },
      {
        id: 'adr-fedcba9876543210fedcba9876543210',
        label: 'Grote Markt 1, 1315JG Almere',
        lon: 5.21857,
        lat: 52.37298,
      },
    ]);
    const withSearch = await startWebApp(db, { env: { PDOK_LOCATIESERVER_URL: locatieserver.url } });
    try {
      const { page, context } = await openPage(browser, withSearch.baseUrl);
      await page.goto(`${withSearch.baseUrl}/melden`);
      await formReady(page);
      await tabTo(page, '#address');
      await page.keyboard.type('Grote Markt');
      // A WAI-ARIA combobox: the arrows move through the options while the focus stays in the input.
      await page.waitForSelector('#address-listbox [role=option]');
      assert.equal(await page.getAttribute('#address', 'aria-expanded'), 'true');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
      const active = await page.getAttribute('#address', 'aria-activedescendant');
      assert.match((await page.textContent(`#${active}`)) ?? '', /Grote Markt 2, 2011RD Haarlem/);
      assert.equal(await page.getAttribute(`#${active}`, 'aria-selected'), 'true');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'address');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Oude Stad/.test(document.querySelector('#location-result')?.textContent ?? ''));
      await page.waitForSelector('.wp-marker');
      assert.equal(await page.inputValue('#address'), 'Grote Markt 2, 2011RD Haarlem');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'address', 'focus kept after choosing');
      assert.equal(await page.getAttribute('#address', 'aria-expanded'), 'false');
      assert.equal(await page.getAttribute('#location-map', 'data-zoom'), '18', 'the map zooms to street level');

      // Escape closes the list without choosing.
      await page.fill('#address', 'Grote Markt');
      await page.waitForSelector('#address-listbox [role=option]');
      await page.keyboard.press('Escape');
      assert.equal(await page.getAttribute('#address', 'aria-expanded'), 'false');
      assert.equal(await page.inputValue('#address'), 'Grote Markt');

      await page.fill('#address', 'Grote Markt 1, 1315');
      await page.click('text=Zoek adres');
      await page.click('#address-listbox [role=option]:has-text("Almere")');
      await page.waitForSelector('text=Deze plek ligt buiten de gemeente');
      await context.close();
    } finally {
      await withSearch.close();
      await locatieserver.close();
    }
  });

  it('without a background map configured draws only the district outlines, and says nothing is wrong', async () => {
    const plain = await startWebApp(db, { env: { MAP_TILE_URL: 'none' } });
    try {
      const { page, context, blocked } = await openPage(browser, plain.baseUrl);
      await page.goto(`${plain.baseUrl}/melden`);
      await formReady(page);
      assert.equal(await page.locator('.leaflet-tile').count(), 0);
      assert.equal(await page.locator('text=De achtergrondkaart is nu niet beschikbaar').count(), 0);
      assert.deepEqual(blocked, []);
      await context.close();
    } finally {
      await plain.close();
    }
  });

  it('keeps the report when its photos cannot be sent, and says so', async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    await page.route('**/api/v1/reports/*/photos', (route) => route.abort('connectionreset'));
    await page.goto(`${running.baseUrl}/melden`);
    await formReady(page);
    await page.selectOption('#category', 'graffiti-wildplak');
    await page.locator('#location-map').click();
    await page.waitForFunction(() => /wijk/i.test(document.querySelector('#location-result')?.textContent ?? ''));
    const description = 'Nieuwe graffiti op de brug (foto-mislukt-verhaal).';
    await page.fill('#description', description);
    await page.setInputFiles('#photos', samplePhoto('graffiti.png'));
    await page.click('#submit-report');
    await page.waitForURL(/\/melden\/bedankt\//);
    await page.waitForSelector("text=De foto's konden niet worden toegevoegd. Uw melding is wel ontvangen.");
    assert.equal((await reportsWith(db, description)).length, 1);
    await context.close();
  });

  it('says so when the chosen place (by GPS) is outside the municipality', async () => {
    const { page, context } = await openPage(browser, running.baseUrl, {
      geolocation: { latitude: 52.3731, longitude: 4.8926 },
    });
    await page.goto(`${running.baseUrl}/melden`);
    await formReady(page);
    await page.click('text=Gebruik mijn locatie');
    await page.waitForSelector('text=Deze plek ligt buiten de gemeente');
    await context.close();
  });

  it('meets WCAG 2.1 AA on every resident page, in English too', async () => {
    const [report] = await reportsWith(db, 'Veel hondenpoep op de stoep bij de speeltuin (tap-verhaal).');
    for (const language of ['nl', 'en'] as const) {
      const { page, context } = await openPage(browser, running.baseUrl, { language });
      for (const path of [
        '/',
        '/melden',
        `/melding/${report?.tracking_code ?? 'ONBEKEND'}`,
        `/melden/bedankt/${report?.tracking_code ?? 'ONBEKEND'}`,
        '/bestaat-niet',
      ]) {
        await page.goto(`${running.baseUrl}${path}`);
        await page.waitForSelector('h1');
        if (path === '/melden') await formReady(page);
        if (path.startsWith('/melding/')) await page.waitForSelector('#report-status');
        assert.equal(await page.getAttribute('html', 'lang'), language);
        await expectNoAxeViolations(page, `${path} (${language})`);
      }
      await context.close();
    }
  });

  it("keeps the form's JavaScript within 150 kB gzipped and makes it usable quickly", async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    const scripts: { url: string; gzipped: number }[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script')
        scripts.push({ url: response.url(), gzipped: gzipSync(await response.body()).length });
    });
    const started = Date.now();
    await page.goto(`${running.baseUrl}/melden`);
    await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
    const usableMs = Date.now() - started;
    await formReady(page);
    const total = scripts.reduce((sum, script) => sum + script.gzipped, 0);
    console.error(
      `resident form: ${scripts.length} script(s), ${(total / 1024).toFixed(1)} kB gzipped, categories usable after ${usableMs} ms`,
    );
    assert.ok(total <= 150 * 1024, `the resident form loads ${(total / 1024).toFixed(1)} kB of gzipped JavaScript`);
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    await page.goto(`${running.baseUrl}/melden`);
    await page.click('button:has-text("English")');
    await page.waitForSelector('h1:has-text("Report a problem")');
    await page.reload();
    await page.waitForSelector('h1:has-text("Report a problem")');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await context.close();
  });
});
