/**
 * Story of the functional administrator: she lands on the administration home, creates an officer, gives him a
 * portrait, district days and a district; the public district page shows the portrait. The administrator of a
 * second municipality creates its first coordinator group. The new officer registers his own absence and a
 * wijkraad meeting on "Mijn planning". axe finds nothing on any of these pages, in Dutch and English.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { importGeography } from '../../src/domain/geography/index.ts';
import { createUser } from '../../src/domain/people/index.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { openTestDb } from '../support/db.ts';
import { LONG_SESSIONS, signIn } from './staff-support.ts';
import {
  expectNoAxeViolations,
  fixedClock,
  launchBrowser,
  loginAs,
  openPage,
  samplePhoto,
  screenshot,
  startWebApp,
  type RunningApp,
} from './support.ts';

const PARKWIJK = 'WK039209';
const HEEMSTEDE = 'GM0397';

/** A second municipality: one borough with one square district (RD New), an administrator and a coordinator. */
async function seedSecondMunicipality(db: Db): Promise<void> {
  const square = {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [100000, 484000],
          [101000, 484000],
          [101000, 485000],
          [100000, 485000],
          [100000, 484000],
        ],
      ],
    ],
  };
  await importGeography(
    { db },
    {
      municipality: { code: HEEMSTEDE, name: 'Heemstede' },
      districts: [
        {
          code: 'WK039701',
          name: 'Centrum',
          municipalityCode: HEEMSTEDE,
          municipalityName: 'Heemstede',
          population: null,
          waterOnly: false,
          geometry: { geojson: JSON.stringify(square), srid: 28992 },
        },
      ],
      boroughs: [{ code: 'heemstede-noord', name: 'Heemstede Noord', districtCodes: ['WK039701'] }],
    },
  );
  const deps = { db, clock: systemClock };
  for (const [email, roles] of [
    ['beheer@heemstede.example', ['administrator']],
    ['coordinator@heemstede.example', ['coordinator']],
  ] as const)
    await createUser(deps, {
      municipalityCode: HEEMSTEDE,
      email,
      name: email.split('@')[0]!,
      roles,
      password: 'wijkpost-demo-heemstede',
    });
}

describe('the administrator sets up people and districts', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  let oneTimePassword = '';

  before(async () => {
    db = await openTestDb();
    await seedSecondMunicipality(db);
    running = await startWebApp(db, { clock: fixedClock('2026-11-24T10:00:00+01:00'), env: LONG_SESSIONS });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('creates an officer with a portrait, district days and a district; the district page shows the portrait', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await signIn(page, running.baseUrl, 'admin@haarlem.example', /\/beheer$/);
    await page.waitForSelector('#admin-sections');
    await expectNoAxeViolations(page, 'the administration home (nl)');

    await page.click('text=Medewerkers');
    await page.waitForSelector('#users-table tbody tr');
    await page.fill('#new-user-name', 'Noor Nieuw');
    await page.fill('#new-user-email', 'noor.nieuw@haarlem.example');
    await page.click('#new-user-save');
    await page.waitForSelector('#new-user-password');
    oneTimePassword = (await page.textContent('#new-user-password'))!.trim();
    assert.ok(oneTimePassword.length >= 20);
    await page.waitForFunction(() => /Noor Nieuw/.test(document.querySelector('#users-table')?.textContent ?? ''));
    // Handed over and lost at once: a reset gives a new one-time password, and the first stops working.
    await page.click('#users-table button:has-text("Noor Nieuw")');
    await page.click('#edit-user-reset');
    await page.waitForSelector('#edit-user-password');
    const reset = (await page.textContent('#edit-user-password'))!.trim();
    assert.notEqual(reset, oneTimePassword);
    oneTimePassword = reset;
    await expectNoAxeViolations(page, 'the staff page (nl)');

    await page.goto(`${running.baseUrl}/beheer/handhavers`);
    await page.waitForSelector('#officer-choice');
    await page.selectOption('#officer-choice', { label: 'Noor Nieuw' });
    await page.waitForSelector('#officer-introduction');
    await page.setInputFiles('#officer-photo-file', samplePhoto('noor.png'));
    await page.fill('#officer-introduction', 'Hallo, ik ben Noor, uw handhaver in Parkwijk.');
    await page.fill('#officer-phone', '023 511 5115');
    await page.check('#officer-district-days input[value="3"]');
    await page.click('#officer-save');
    await page.waitForFunction(() => /Opgeslagen/.test(document.querySelector('#officer-result')?.textContent ?? ''));
    await page.waitForSelector('#officer-photo');
    await expectNoAxeViolations(page, 'the officers page (nl)');
    const { rows } = await db.query<{ district_weekdays: number[]; photo_url: string }>(
      "SELECT o.district_weekdays, o.photo_url FROM officers o JOIN users u ON u.id = o.user_id WHERE u.email = 'noor.nieuw@haarlem.example'",
    );
    assert.deepEqual(rows[0]!.district_weekdays.map(Number), [2, 3, 4]);

    await page.goto(`${running.baseUrl}/beheer/wijken`);
    await page.waitForSelector(`#owner-${PARKWIJK}`);
    await page.selectOption(`#owner-${PARKWIJK}`, { label: 'Noor Nieuw' });
    await page.click(`#save-${PARKWIJK}`);
    await page.waitForFunction(() =>
      /Parkwijk opgeslagen/.test(document.querySelector('#districts-result')?.textContent ?? ''),
    );
    await expectNoAxeViolations(page, 'the districts page (nl)');
    assert.deepEqual(errors, []);
    await context.close();

    const resident = await openPage(browser, running.baseUrl);
    await resident.page.goto(`${running.baseUrl}/mijn-wijk/${PARKWIJK}`);
    await resident.page.waitForSelector('#district-officer img.wp-officer__avatar');
    assert.equal(
      await resident.page.getAttribute('#district-officer img.wp-officer__avatar', 'src'),
      rows[0]!.photo_url,
    );
    assert.ok(
      await resident.page.$eval(
        '#district-officer img.wp-officer__avatar',
        (img) => (img as HTMLImageElement).naturalWidth > 0,
      ),
      'the portrait loads',
    );
    assert.match((await resident.page.textContent('#district-officer'))!, /Noor Nieuw/);
    await expectNoAxeViolations(resident.page, 'the district page with the portrait (nl)');
    await screenshot(resident.page, 'district-officer-portrait');
    await resident.context.close();
  });

  it('lets the administrator of a second municipality create its first coordinator group', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await loginAs(page, running.baseUrl, 'beheer@heemstede.example', 'wijkpost-demo-heemstede');
    await page.goto(`${running.baseUrl}/beheer/organisatie`);
    await page.waitForSelector('#group-boroughs input');
    assert.doesNotMatch((await page.textContent('#teams-list'))!, /Spaarnelanden/, 'Haarlem is not visible here');
    await page.fill('#group-name', 'Heemstede');
    await page.selectOption('#group-coordinator', { label: 'coordinator' });
    await page.check('#group-boroughs input[value="heemstede-noord"]');
    await page.click('#group-save');
    await page.waitForFunction(() => /Heemstede Noord/.test(document.querySelector('#groups-list')?.textContent ?? ''));
    await expectNoAxeViolations(page, 'the organisation page (nl)');
    const { rows } = await db.query<{ municipality_code: string; boroughs: number }>(
      `SELECT g.municipality_code, (SELECT count(*)::int FROM coordinator_group_boroughs gb WHERE gb.group_id = g.id) AS boroughs
         FROM coordinator_groups g WHERE g.name = 'Heemstede'`,
    );
    assert.deepEqual(rows, [{ municipality_code: HEEMSTEDE, boroughs: 1 }]);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('lets the new officer register his own absence and a wijkraad meeting', async () => {
    assert.ok(oneTimePassword, 'the first story created the officer');
    const { page, context, errors } = await openPage(browser, running.baseUrl);
    await loginAs(page, running.baseUrl, 'noor.nieuw@haarlem.example', oneTimePassword);
    // A one-time password: every screen first asks for his own.
    await page.goto(`${running.baseUrl}/werk/planning`);
    await page.waitForSelector('#password-reminder');
    await page.click('#password-reminder a');
    await page.waitForURL(/\/wachtwoord$/);
    await page.fill('#password-current', oneTimePassword);
    await page.fill('#password-new', 'noor-zijn-eigen-wachtwoord');
    await page.fill('#password-repeat', 'noor-zijn-eigen-wachtwoord');
    await page.click('#password-save');
    await page.waitForFunction(() => /gewijzigd/.test(document.querySelector('#password-result')?.textContent ?? ''));
    await expectNoAxeViolations(page, 'the password page (nl)');
    await page.goto(`${running.baseUrl}/werk/planning`);
    await page.waitForSelector('#my-district-days input');
    assert.equal(await page.locator('#password-reminder').count(), 0, 'no reminder once the password is his own');
    await page.selectOption('#my-absence-kind', 'leave');
    await page.fill('#my-absence-start', '2026-12-21T08:00');
    await page.fill('#my-absence-end', '2026-12-24T17:00');
    await page.click('#my-absence-save');
    await page.waitForFunction(() =>
      /opgeslagen/.test(document.querySelector('#my-absence-result')?.textContent ?? ''),
    );
    await page.waitForSelector('#my-absences li');

    await page.fill('#meeting-start', '2026-12-08T19:30');
    await page.fill('#meeting-title', 'Wijkraad Parkwijk');
    await page.fill('#meeting-place', 'Buurthuis Parkwijk');
    await page.click('#meeting-save');
    await page.waitForFunction(() =>
      /Wijkraad Parkwijk/.test(document.querySelector('#my-meetings')?.textContent ?? ''),
    );
    await expectNoAxeViolations(page, 'my planning (nl)');
    const meetings = await db.query(
      "SELECT 1 FROM district_meetings WHERE title = 'Wijkraad Parkwijk' AND district_code = $1",
      [PARKWIJK],
    );
    assert.equal(meetings.rows.length, 1);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('passes axe in English on the administration and my planning', async () => {
    const admin = await openPage(browser, running.baseUrl, { language: 'en', viewport: { width: 320, height: 800 } });
    await loginAs(admin.page, running.baseUrl, 'admin@haarlem.example');
    for (const path of ['/beheer', '/beheer/mensen', '/beheer/handhavers', '/beheer/wijken', '/beheer/organisatie']) {
      await admin.page.goto(`${running.baseUrl}${path}`);
      await admin.page.waitForSelector('h1');
      await admin.page.waitForLoadState('networkidle');
      await expectNoAxeViolations(admin.page, `${path} (en, 320 px)`);
    }
    assert.deepEqual(admin.errors, []);
    await admin.context.close();
    const officer = await openPage(browser, running.baseUrl, { language: 'en' });
    await loginAs(officer.page, running.baseUrl, 'fatima.devries@haarlem.example');
    await officer.page.goto(`${running.baseUrl}/werk/planning`);
    await officer.page.waitForSelector('#meeting-save');
    await expectNoAxeViolations(officer.page, 'my planning (en)');
    await officer.context.close();

    // A coordinator plans for his team on the same page: he picks the officer first.
    const coordinator = await openPage(browser, running.baseUrl, { viewport: { width: 1280, height: 900 } });
    await loginAs(coordinator.page, running.baseUrl, 'coordinator.oost@haarlem.example');
    await coordinator.page.goto(`${running.baseUrl}/werk/planning`);
    await coordinator.page.waitForSelector('#planning-officer');
    await coordinator.page.selectOption('#planning-officer', { label: 'Fatima de Vries' });
    await coordinator.page.waitForSelector('#my-district-days input');
    await coordinator.page.check('#my-district-days input[value="5"]');
    await coordinator.page.click('#my-days-save');
    await coordinator.page.waitForFunction(() =>
      /Opgeslagen/.test(document.querySelector('#my-days-result')?.textContent ?? ''),
    );
    await expectNoAxeViolations(coordinator.page, "a coordinator planning an officer's days (nl)");
    const { rows } = await db.query<{ days: number[] }>(
      "SELECT o.district_weekdays AS days FROM officers o JOIN users u ON u.id = o.user_id WHERE u.email = 'fatima.devries@haarlem.example'",
    );
    assert.ok(rows[0]!.days.map(Number).includes(5));
    assert.deepEqual(coordinator.errors, []);
    await coordinator.context.close();
  });
});
