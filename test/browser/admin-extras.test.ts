/**
 * Story of the functional administrator and the remaining administration screens: she sees that e-mail is off
 * (messages wait, nothing is lost) and which message failed, gives Spaarnelanden a new contact person and the
 * e-mail channel, and saves the single sign-on role mapping. axe finds nothing, in Dutch and English, at 320 px.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';
import { GROTE_MARKT } from '../support/fieldwork-world.ts';
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
const waitForText = (page: Page, selector: string, pattern: RegExp) =>
  page.waitForFunction(
    ({ selector, source }) => new RegExp(source).test(document.querySelector(selector)?.textContent ?? ''),
    { selector, source: pattern.source },
  );

describe('administrator looks after messages, partner channels and sign-in', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  let reportId: string;

  before(async () => {
    db = await openTestDb();
    // No SMTP_URL in tests: mail is off, so the report's confirmation waits in the outbox.
    running = await startWebApp(db, { clock: fixedClock(TUESDAY), env: LONG_SESSIONS });
    browser = await launchBrowser();
    const response = await fetch(`${running.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'veeg-zwerfvuil',
        description: 'Zwerfvuil bij de Grote Markt (berichten-beheer).',
        location: GROTE_MARKT,
        reporter: { email: 'bewoner.centrum@example.org', consentToShareWithPartners: false },
      }),
    });
    assert.equal(response.status, 201, await response.clone().text());
    reportId = ((await response.json()) as { id: string }).id;
    // A webhook the worker gave up on, as the worker leaves it after three days.
    await db.query(
      `INSERT INTO outbox_messages (municipality_code, report_id, event_key, channel, recipient, template, payload,
                                    status, attempts, next_attempt_at, last_error, created_at)
       VALUES ('GM0392', $1, 'story:failed', 'webhook', 'https://partner.example/hook', 'report.forwarded', '{}',
               'failed', 14, $2, 'HTTP 503 Service Unavailable', $2)`,
      [reportId, TUESDAY],
    );
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('sees that mail is off, opens the failed delivery, sets a partner channel and the role mapping', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      viewport: { width: 1280, height: 900 },
    });
    await loginAs(page, running.baseUrl, ADMIN);

    await page.goto(`${running.baseUrl}/beheer`);
    await page.click('text=E-mail en berichten');
    await page.waitForSelector('#outbox-status');
    const status = await textOf(page, '#outbox-status');
    assert.match(status, /E-mail staat uit\..*gaan niet verloren/);
    assert.match(status, /Wachtend: 1/);
    assert.match(status, /Niet bezorgd: 1/);
    assert.match(status, /Oudste wachtende bericht: /);
    await page.waitForSelector('#failed-table tbody tr');
    const row = await textOf(page, '#failed-table tbody tr');
    assert.match(row, /Webhook/);
    assert.match(row, /14/);
    assert.match(row, /HTTP 503 Service Unavailable/);
    assert.doesNotMatch(await textOf(page, 'main'), /partner\.example|bewoner\.centrum/, 'no recipient on screen');
    assert.equal(await page.getAttribute('#failed-table tbody tr a', 'href'), `/werk/melding/${reportId}`);
    await expectNoAxeViolations(page, 'e-mail and messages (nl)');
    await screenshot(page, 'admin-messages', { fullPage: true });

    await page.goto(`${running.baseUrl}/beheer/organisatie`);
    await page.waitForSelector('#team-choice option:has-text("Spaarnelanden")', { state: 'attached' });
    const spaarnelanden = await db.query<{ id: string }>(`SELECT id FROM teams WHERE code = 'spaarnelanden'`);
    await page.selectOption('#team-choice', spaarnelanden.rows[0]!.id);
    await page.waitForSelector('#contact-name');
    await page.fill('#contact-name', 'Fatima el Amrani');
    await page.fill('#contact-phone', '023-751 7201');
    await page.fill('#contact-email', 'niet-een-adres');
    await page.click('#contact-save');
    await page.waitForSelector('#contact-email-error');
    await page.fill('#contact-email', 'f.elamrani@spaarnelanden.example');
    await page.click('#contact-save');
    await waitForText(page, '#contact-result', /Opgeslagen/);

    await page.waitForSelector('#channel-kind');
    assert.equal(await page.inputValue('#channel-kind'), 'workspace');
    await page.selectOption('#channel-kind', 'webhook');
    assert.match(await textOf(page, '#channel-secret-description'), /nog geen geheim/);
    const SECRET = 'story-secret-0123456789abcdef';
    await page.fill('#channel-url', 'https://partner.example/wijkpost');
    await page.fill('#channel-secret', SECRET);
    await page.click('#channel-save');
    await waitForText(page, '#channel-secret-description', /Er is een geheim ingesteld/);
    assert.equal(await page.inputValue('#channel-secret'), '', 'the secret is never shown again');
    assert.doesNotMatch(await page.content(), new RegExp(SECRET));
    // Saving again without typing one keeps the stored secret: the form leaves it out of the request.
    const [request] = await Promise.all([
      page.waitForRequest((r) => r.method() === 'PUT' && r.url().endsWith('/delivery-channel')),
      page.click('#channel-save'),
    ]);
    assert.deepEqual(request.postDataJSON(), { channel: 'webhook', webhookUrl: 'https://partner.example/wijkpost' });
    assert.equal((await request.response())?.status(), 200);
    const kept = await db.query<{ webhook_secret: string }>(
      `SELECT webhook_secret FROM teams WHERE code = 'spaarnelanden'`,
    );
    assert.equal(kept.rows[0]!.webhook_secret, SECRET);
    await page.selectOption('#channel-kind', 'email');
    await page.fill('#channel-email', 'doorsturen@spaarnelanden.example');
    await page.click('#channel-save');
    await waitForText(page, '#channel-result', /Opgeslagen/);
    await expectNoAxeViolations(page, 'a partner organisation (nl)');
    const team = await db.query<{ contact_name: string }>(
      `SELECT contact_name FROM teams WHERE code = 'spaarnelanden'`,
    );
    assert.equal(team.rows[0]!.contact_name, 'Fatima el Amrani');
    const channel = await page.request.get(
      `${running.baseUrl}/api/v1/partners/${spaarnelanden.rows[0]!.id}/delivery-channel`,
    );
    assert.deepEqual(await channel.json(), {
      channel: 'email',
      email: 'doorsturen@spaarnelanden.example',
      webhookUrl: null,
      webhookSecretSet: false,
    });

    await page.goto(`${running.baseUrl}/beheer/inloggen`);
    await page.waitForSelector('#sso-add');
    await page.click('#sso-add');
    await page.click('#sso-add');
    await page.click('#sso-save');
    await page.waitForSelector('.utrecht-form-field-error-message');
    assert.match(await textOf(page, 'main'), /Vul de claimwaarde van regel 1 in/);
    const claims = page.getByLabel(/Claimwaarde/);
    await claims.nth(0).fill('wijkpost-handhaving');
    await claims.nth(1).fill('wijkpost-beheer');
    await page.getByLabel('Rol in Wijkpost').nth(1).selectOption('administrator');
    await page.click('#sso-add');
    await page.getByRole('button', { name: 'Verwijder regel 3' }).click();
    await page.click('#sso-save');
    await waitForText(page, 'main .wp-ok-text', /Opgeslagen/);
    await expectNoAxeViolations(page, 'sign-in (nl)');
    const mapping = await page.request.get(`${running.baseUrl}/api/v1/oidc/role-mappings`);
    const mappings = ((await mapping.json()) as { mappings: { claimValue: string; role: string }[] }).mappings;
    assert.deepEqual(
      [...mappings].sort((a, b) => a.claimValue.localeCompare(b.claimValue)),
      [
        { claimValue: 'wijkpost-beheer', role: 'administrator' },
        { claimValue: 'wijkpost-handhaving', role: 'officer' },
      ],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows the three screens in English at 320 px without sideways scrolling or WCAG violations', async () => {
    const { page, context, errors } = await openPage(browser, running.baseUrl, {
      language: 'en',
      viewport: { width: 320, height: 700 },
    });
    await loginAs(page, running.baseUrl, ADMIN);
    const spaarnelanden = await db.query<{ id: string }>(`SELECT id FROM teams WHERE code = 'spaarnelanden'`);
    for (const [path, ready] of [
      ['/beheer/berichten', '#failed-table'],
      ['/beheer/organisatie', '#team-choice'],
      ['/beheer/inloggen', '#sso-add'],
    ] as const) {
      await page.goto(`${running.baseUrl}${path}`);
      await page.waitForSelector(ready);
      if (path === '/beheer/organisatie') {
        await page.selectOption('#team-choice', spaarnelanden.rows[0]!.id);
        await page.waitForSelector('#channel-kind');
        assert.equal(await page.inputValue('#channel-kind'), 'email');
        assert.equal(await page.inputValue('#channel-email'), 'doorsturen@spaarnelanden.example');
        assert.equal(await page.inputValue('#contact-name'), 'Fatima el Amrani');
      }
      if (path === '/beheer/berichten')
        assert.match(await textOf(page, '#outbox-mail'), /E-mail is off\. Messages wait .*nothing is lost/);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} fits 320 px (overflows by ${overflow} px)`);
      await expectNoAxeViolations(page, `${path} (en, 320 px)`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
});
