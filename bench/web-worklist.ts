/**
 * The officer's worklist map with 2,000 reports in the real browser (Debian's Chromium), against the same
 * map with no reports as the baseline. Counts long tasks (PerformanceObserver 'longtask') and frames over
 * 50 ms while the map loads and while the officer pans and zooms; renderMs is the time from navigation to
 * the map showing every report. Loopback only; tiles are not configured (district polygons only).
 */
import type { Browser, Page } from 'playwright-core';
import type { Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { launchBrowser, loginAs, openPage, startWebApp, type RunningApp } from '../test/browser/support.ts';

export interface WorklistMapBench {
  reports: number;
  framesOver50ms: number;
  longTasks: number;
  renderMs: number;
  baselineRenderMs: number;
}

const OFFICER = 'fatima.devries@haarlem.example';
const BASELINE_OFFICER = 'sanne.bakker@haarlem.example';

/** Open reports spread over every district (random points inside each), all assigned to one officer. */
async function insertReports(db: Db, officerEmail: string, count: number): Promise<void> {
  await db.query(
    `WITH officer AS (SELECT id FROM users WHERE email = $1),
          category AS (SELECT id FROM categories WHERE code = 'hondenpoep' LIMIT 1),
          spots AS (
            SELECT d.code, (ST_Dump(ST_GeneratePoints(d.geom, CEIL($2::numeric / (SELECT count(*) FROM districts))::int, 7))).geom AS location
              FROM districts d
          ),
          numbered AS (SELECT code, location, row_number() OVER (ORDER BY code, ST_X(location)) AS n FROM spots)
     INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location, district_code, status, urgent, deadline,
                          assignee_kind, assignee_id, routing_rule, routing_reason_nl, routing_reason_en, created_at, updated_at)
     SELECT 'GM0392', 'BENCH-' || n, (SELECT id FROM category), 'Benchmarkmelding ' || n, 'web', location, code, 'new', false,
            now() + ((n % 20) - 4) * interval '1 day', 'officer', (SELECT id FROM officer), 'bench', 'bench', 'bench', now(), now()
       FROM numbered WHERE n <= $2`,
    [officerEmail, count],
  );
}

/** Installed before any page script: long tasks and frame gaps, from navigation on. */
function installProbes() {
  const probe = { longTasks: 0, frames: [] as number[] };
  (window as unknown as { __probe: typeof probe }).__probe = probe;
  new PerformanceObserver((list) => {
    probe.longTasks += list.getEntries().length;
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const tick = (now: number) => {
    probe.frames.push(now - last);
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

async function panAndZoom(page: Page): Promise<void> {
  const box = (await page.locator('#worklist-map').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  for (const [dx, dy] of [
    [160, 0],
    [0, 120],
    [-200, -60],
    [60, -100],
  ] as const) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let step = 1; step <= 10; step += 1) await page.mouse.move(cx + (dx * step) / 10, cy + (dy * step) / 10);
    await page.mouse.up();
  }
  for (const control of [
    '.leaflet-control-zoom-in',
    '.leaflet-control-zoom-in',
    '.leaflet-control-zoom-out',
    '.leaflet-control-zoom-out',
    '.leaflet-control-zoom-out',
  ]) {
    await page.click(control);
    await page.waitForTimeout(300);
  }
}

async function measure(browser: Browser, running: RunningApp, email: string, expected: number) {
  const { page, context } = await openPage(browser, running.baseUrl, { viewport: { width: 1280, height: 900 } });
  await context.addInitScript(installProbes);
  await loginAs(page, running.baseUrl, email);
  await page.goto(`${running.baseUrl}/werk?weergave=kaart`);
  // Done when the worklist says how many reports it holds and the map has drawn that many.
  await page.waitForFunction(
    (count) => {
      const marks = performance.getEntriesByName('wp-report-map-rendered') as PerformanceMark[];
      const loaded = new RegExp(`^${count} `).test(document.querySelector('#worklist-summary')?.textContent ?? '');
      return loaded && marks.some((mark) => (mark.detail as { reports: number }).reports === count);
    },
    expected,
    { timeout: 120_000 },
  );
  const renderMs = await page.evaluate((count) => {
    const marks = performance.getEntriesByName('wp-report-map-rendered') as PerformanceMark[];
    const done = marks.filter((mark) => (mark.detail as { reports: number }).reports === count);
    return done[done.length - 1]!.startTime;
  }, expected);
  await panAndZoom(page);
  await page.waitForTimeout(500);
  const probe = await page.evaluate(
    () => (window as unknown as { __probe: { longTasks: number; frames: number[] } }).__probe,
  );
  await context.close();
  return { renderMs, longTasks: probe.longTasks, framesOver50ms: probe.frames.filter((gap) => gap > 50).length };
}

/** The measurement with any number of reports (the smoke test uses a few hundred). */
export async function measureWorklistMap(options: { reports: number; db?: Db }): Promise<WorklistMapBench> {
  const db = options.db ?? (await openPglite({}));
  if (!options.db) await migrate(db);
  const running = await startWebApp(db);
  const browser = await launchBrowser();
  try {
    await insertReports(db, OFFICER, options.reports);
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM reports r JOIN users u ON u.id = r.assignee_id WHERE u.email = $1 AND r.status = 'new'",
      [OFFICER],
    );
    const reports = rows[0]!.n;
    await measure(browser, running, BASELINE_OFFICER, 0); // warm-up: the first page load also compiles the bundle
    const baseline = await measure(browser, running, BASELINE_OFFICER, 0);
    const loaded = await measure(browser, running, OFFICER, reports);
    return {
      reports,
      framesOver50ms: loaded.framesOver50ms,
      longTasks: loaded.longTasks,
      renderMs: loaded.renderMs,
      baselineRenderMs: baseline.renderMs,
    };
  } finally {
    await browser.close();
    await running.close();
    if (!options.db) await db.close();
  }
}

export async function benchWorklistMap(): Promise<WorklistMapBench> {
  return measureWorklistMap({ reports: 2000 });
}
