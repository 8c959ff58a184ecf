/**
 * Story of single sign-on: with password sign-in switched off, the sign-in page offers only "Inloggen met
 * Gemeente Haarlem"; Noor, whose group at the (real, local) identity provider maps to officer, lands on her
 * worklist; Piet, whose groups map to nothing, gets a clear page. Every page passes axe in both languages.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { replaceRoleMappings } from '../../src/domain/people/index.ts';
import { openTestDb } from '../support/db.ts';
import { startTestProvider, TEST_REDIRECT_URL, type TestProvider } from '../support/oidc-provider.ts';
import { LONG_SESSIONS } from './staff-support.ts';
import {
  expectNoAxeViolations,
  fixedClock,
  launchBrowser,
  openPage,
  screenshot,
  startWebApp,
  type RunningApp,
} from './support.ts';

describe('staff sign in through the identity provider', () => {
  let db: Db;
  let provider: TestProvider;
  let running: RunningApp;
  let browser: Browser;

  before(async () => {
    db = await openTestDb();
    provider = await startTestProvider();
    provider.accounts.set('sub-noor', {
      email: 'noor.sso@haarlem.example',
      name: 'Noor Bakker',
      groups: ['GG-Handhaving'],
    });
    provider.accounts.set('sub-piet', { email: 'piet.sso@haarlem.example', name: 'Piet', groups: ['GG-Anders'] });
    await replaceRoleMappings({ db }, 'GM0392', [{ claimValue: 'GG-Handhaving', role: 'officer' }]);
    running = await startWebApp(db, {
      clock: fixedClock('2026-11-24T10:00:00+01:00'),
      env: {
        ...LONG_SESSIONS,
        PASSWORD_SIGN_IN_ENABLED: 'false',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.main.clientId,
        OIDC_CLIENT_SECRET: provider.main.clientSecret,
        OIDC_REDIRECT_URL: TEST_REDIRECT_URL,
        OIDC_ROLES_CLAIM: 'groups',
        OIDC_DISPLAY_NAME: 'Gemeente Haarlem',
        OIDC_ALLOW_INSECURE_HTTP: 'true',
      },
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await running?.close();
    await provider?.close();
    await db?.close();
  });

  /** The provider knows the app by its registered redirect URL; this browser resolves that name to the app. */
  const reachAppByRedirectUrl = (context: BrowserContext) =>
    context.route(`${new URL(TEST_REDIRECT_URL).origin}/**`, (route) => {
      const target = new URL(route.request().url());
      return route.fulfill({
        status: 303,
        headers: { location: `${running.baseUrl}${target.pathname}${target.search}` },
      });
    });

  for (const language of ['nl', 'en'] as const) {
    it(`offers only the provider's button when passwords are off (${language}), and signs Noor in`, async () => {
      const { page, context, errors } = await openPage(browser, running.baseUrl, {
        language,
        viewport: { width: 320, height: 700 },
      });
      await reachAppByRedirectUrl(context);
      provider.signInAs('sub-noor');
      await page.goto(`${running.baseUrl}/inloggen`);
      const button = page.locator('#sign-in-sso');
      await button.waitFor();
      assert.equal(
        (await button.textContent())?.trim(),
        language === 'nl' ? 'Inloggen met Gemeente Haarlem' : 'Sign in with Gemeente Haarlem',
      );
      assert.equal(await page.locator('#password').count(), 0);
      await expectNoAxeViolations(page, `sign-in with SSO (${language})`);
      if (language === 'nl') await screenshot(page, 'staff-sign-in-sso');
      await button.click();
      await page.waitForURL(/\/werk$/);
      await page.getByText('Noor Bakker').first().waitFor();
      await expectNoAxeViolations(page, `worklist after SSO (${language})`);
      // The harness's language script runs in every document, also in the redirect hops, where storage is denied.
      assert.deepEqual(
        errors.filter((error) => !error.includes("read the 'localStorage' property")),
        [],
      );
      await context.close();
    });
  }

  it('shows Piet, whose groups map to no role, a page that says so, and signs nobody in', async () => {
    const { page, context } = await openPage(browser, running.baseUrl);
    await reachAppByRedirectUrl(context);
    provider.signInAs('sub-piet');
    await page.goto(`${running.baseUrl}/inloggen`);
    await page.click('#sign-in-sso');
    await page.waitForURL(/\/auth\/oidc\/callback/);
    await page.getByText('geen rol in Wijkpost').waitFor();
    assert.match((await page.textContent('body')) ?? '', /no role in Wijkpost/);
    await expectNoAxeViolations(page, 'SSO refused: no role');
    const cookies = await context.cookies(running.baseUrl);
    assert.equal(
      cookies.find((c) => c.name === 'wijkpost_session'),
      undefined,
    );
    await context.close();
  });
});
