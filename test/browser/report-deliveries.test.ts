/**
 * Story: a resident left an e-mail address; the district officer opens the report and sees the confirmation
 * waiting, then, once the worker delivered it to the (real, local) SMTP server, as sent. At 320 px the section
 * wraps (long addresses included), in Dutch and English, without WCAG violations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { deliverDueMessages } from '../../src/domain/outbox/index.ts';
import { outboxDeliveryDeps } from '../../src/jobs/outbox-worker.ts';
import { testConfig } from '../support/app.ts';
import { openTestDb } from '../support/db.ts';
import { startTestSmtp, type TestSmtp } from '../support/smtp.ts';
import { LONG_SESSIONS, pointIn } from './staff-support.ts';
import {
  expectNoAxeViolations,
  fixedClock,
  launchBrowser,
  loginAs,
  openPage,
  startWebApp,
  type RunningApp,
} from './support.ts';

const TUESDAY = '2026-11-24T10:00:00+01:00';
const PARKWIJK = 'WK039209';
const FATIMA = 'fatima.devries@haarlem.example';

describe('the report detail shows its deliveries', () => {
  let db: Db;
  let running: RunningApp;
  let browser: Browser;
  let smtp: TestSmtp;
  const clock = fixedClock(TUESDAY);

  before(async () => {
    db = await openTestDb();
    running = await startWebApp(db, { clock, env: LONG_SESSIONS });
    browser = await launchBrowser();
    smtp = await startTestSmtp();
  });
  after(async () => {
    await smtp?.stop();
    await browser?.close();
    await running?.close();
    await db?.close();
  });

  it('shows the confirmation pending, then sent, at 320 px in both languages', async () => {
    const response = await fetch(`${running.baseUrl}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        category: 'veeg-zwerfvuil',
        description: 'Zwerfvuil bij het speelveld (berichten-verhaal).',
        location: { type: 'Point', coordinates: await pointIn(db, PARKWIJK, 3) },
        reporter: { email: 'bewoner.parkwijk@example.org', consentToShareWithPartners: false },
      }),
    });
    assert.equal(response.status, 201);
    const filed = (await response.json()) as { id: string };

    for (const language of ['nl', 'en'] as const) {
      const { page, context, errors } = await openPage(browser, running.baseUrl, {
        language,
        viewport: { width: 320, height: 720 },
      });
      await loginAs(page, running.baseUrl, FATIMA);
      await page.goto(`${running.baseUrl}/werk/melding/${filed.id}`);
      await page.waitForSelector('#report-deliveries li');
      const text = (await page.textContent('#report-deliveries')) ?? '';
      if (language === 'nl') {
        assert.match(
          text,
          /Ontvangstbevestiging aan de melder \(E-mail, bewoner\.parkwijk@example\.org\) · Wacht op verzending/,
        );
      } else {
        assert.match(text, /Confirmation to the reporter \(E-mail, bewoner\.parkwijk@example\.org\) · Sent /);
      }
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll('#report-deliveries, #report-deliveries *')]
          .filter((element) => element.getBoundingClientRect().right > window.innerWidth)
          .map((element) => element.outerHTML.slice(0, 80)),
      );
      assert.deepEqual(overflow, [], 'the deliveries wrap at 320 px');
      await expectNoAxeViolations(page, `the report detail with its deliveries (${language})`);
      assert.deepEqual(errors, []);
      await context.close();
      if (language === 'nl') {
        const deps = outboxDeliveryDeps({ db, clock }, testConfig({ SMTP_URL: smtp.url }));
        await deliverDueMessages(deps);
        deps.close();
        assert.equal(smtp.received.filter((m) => m.to.includes('bewoner.parkwijk@example.org')).length, 1);
      }
    }
  });
});
