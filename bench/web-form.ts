/**
 * The resident form in the real browser: gzipped JavaScript it loads, and time from navigation until
 * the form is usable (categories loaded), against a baseline measured in the same run: the same
 * server and browser loading a document with no script (the health endpoint).
 */
import { gzipSync } from 'node:zlib';
import type { Db } from '../src/db/db.ts';
import { launchBrowser, openPage, startWebApp } from '../test/browser/support.ts';

export interface WebFormBench {
  scriptKilobytesGzipped: number;
  usableMs: { median: number; p90: number };
  baselineMs: { median: number; p90: number };
  runs: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
};

export async function benchResidentForm(db: Db, runs = 9): Promise<WebFormBench> {
  const running = await startWebApp(db);
  const browser = await launchBrowser();
  try {
    const usable: number[] = [];
    const baseline: number[] = [];
    let scriptBytes = 0;
    for (let run = 0; run < runs; run++) {
      // A fresh context each run: nothing cached, as for a resident's first visit.
      const { page, context } = await openPage(browser, running.baseUrl);
      const scripts: Promise<number>[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script')
          scripts.push(response.body().then((body) => gzipSync(body).length));
      });
      const started = performance.now();
      await page.goto(`${running.baseUrl}/melden`);
      await page.waitForFunction(() => document.querySelectorAll('#category option').length > 5);
      usable.push(performance.now() - started);
      scriptBytes = (await Promise.all(scripts)).reduce((sum, n) => sum + n, 0);
      await context.close();

      const blank = await openPage(browser, running.baseUrl);
      const blankStarted = performance.now();
      await blank.page.goto(`${running.baseUrl}/api/v1/health`);
      await blank.page.waitForFunction(() => document.readyState === 'complete');
      baseline.push(performance.now() - blankStarted);
      await blank.context.close();
    }
    return {
      scriptKilobytesGzipped: scriptBytes / 1024,
      usableMs: { median: percentile(usable, 0.5), p90: percentile(usable, 0.9) },
      baselineMs: { median: percentile(baseline, 0.5), p90: percentile(baseline, 0.9) },
      runs,
    };
  } finally {
    await browser.close();
    await running.close();
  }
}
