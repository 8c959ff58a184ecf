/**
 * Shared helpers for the browser stories: the real app on 127.0.0.1 with the built UI, Debian's Chromium
 * through playwright-core with every non-local request blocked, axe-core checks and README screenshots.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Config } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { hasAnyMunicipality, seedDemo } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/deps.ts';
import { registerWebUi } from '../../src/http/web.ts';
import { ensureWebBuild } from '../../src/http/web-build.ts';
import { fixedClock, systemClock, type Clock } from '../../src/shared/clock.ts';
import { testConfig } from '../support/app.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
/**
 * scripts/test.mjs points this at the git-ignored test-results/screenshots, or at docs/screenshots (the
 * README's) with `npm test -- --refresh-screenshots`.
 */
export const SCREENSHOT_DIR = process.env.WIJKPOST_SCREENSHOT_DIR ?? join(ROOT, 'test-results', 'screenshots');
export const DEMO_PASSWORD = 'wijkpost-demo';
/** 8×8 PNGs: a red photo for uploads, a light tile for the local tile server. */
const TILE_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGN48+YZVsQwtCQAlESvgdugL7QAAAAASUVORK5CYII=';
const SAMPLE_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAIAAABLbSncAAAAEUlEQVR4nGM4YaOBFTEMLQkAdntLARs7+acAAAAASUVORK5CYII=';

export interface RunningApp {
  app: App;
  baseUrl: string;
  config: Config;
  close: () => Promise<void>;
}

/** The Haarlem demo (geography, categories, team, routing rules), unless the database already has it. */
export async function seedHaarlemDemo(db: Db, config: Config): Promise<void> {
  if (await hasAnyMunicipality(db)) return;
  await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: DEMO_PASSWORD });
}

// Checked once per test file: a rebuild while a page is open would delete the assets it loads.
let webBuild: Promise<boolean> | undefined;

/**
 * The real app with the UI on a random local port. Builds web/dist only when it is missing or stale
 * (one build per test run: parallel test files wait on a lock and then reuse it).
 */
export async function startWebApp(
  db: Db,
  options: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<RunningApp> {
  webBuild ??= ensureWebBuild((line) => console.error(line));
  await webBuild;
  // Nothing listens on port 9 of this machine: address search is "unavailable" unless a test brings a fake.
  const config = testConfig({
    MAP_TILE_URL: 'none',
    PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9',
    DEMO_PASSWORD,
    ...options.env,
  });
  await seedHaarlemDemo(db, config);
  const deps = { db, clock: options.clock ?? systemClock, config };
  const app = await buildApp(deps, { extend: (instance) => registerWebUi(instance, deps) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return { app, baseUrl: `http://127.0.0.1:${port}`, config, close: () => app.close() };
}

export { fixedClock };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export interface PageOptions {
  language?: 'nl' | 'en';
  /** A phone by default: the resident pages are made for one. */
  viewport?: { width: number; height: number };
  geolocation?: { latitude: number; longitude: number };
}

/** A fresh context and page; any request that leaves this machine is aborted (tests never use the internet). */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  options: PageOptions = {},
): Promise<{ context: BrowserContext; page: Page; blocked: string[]; errors: string[] }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 390, height: 844 },
    deviceScaleFactor: 1,
    locale: options.language === 'en' ? 'en-GB' : 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (
      ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ||
      url.protocol === 'data:' ||
      url.protocol === 'blob:'
    )
      return route.continue();
    blocked.push(url.href);
    return route.abort('blockedbyclient');
  });
  if (options.language) {
    await context.addInitScript((language) => localStorage.setItem('wijkpost.language', language), options.language);
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, blocked, errors };
}

const axeSource = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core with the WCAG 2.0/2.1 A and AA rules. Evaluated through the DevTools protocol, so the page's
 * own CSP (no inline scripts) stays in force while it runs.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  const described = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join('\n')}`,
  );
  assert.deepEqual(described, [], `axe-core found WCAG A/AA violations on ${label}:\n${described.join('\n')}`);
}

export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  return path;
}

/** Signs a staff member in: the session cookie lands in the page's context, as after the login form. */
export async function loginAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await page.request.post(`${baseUrl}/api/v1/sessions`, { data: { email, password } });
  assert.ok(response.ok(), `login of ${email} failed: ${response.status()} ${await response.text()}`);
}

/** A local tile server: every tile is the same small PNG, and it counts what it served. */
export async function startTileServer(): Promise<{ url: string; served: () => number; close: () => Promise<void> }> {
  const png = Buffer.from(TILE_PNG, 'base64');
  let served = 0;
  const server: Server = createServer((request, response) => {
    served += 1;
    response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
    response.end(png);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/{z}/{x}/{y}.png`,
    served: () => served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A small PNG photo for upload fields. */
export function samplePhoto(name = 'overlast.png'): { name: string; mimeType: string; buffer: Buffer } {
  return {
    name,
    mimeType: 'image/png',
    buffer: Buffer.from(SAMPLE_PNG, 'base64'),
  };
}

export interface FakeAddress {
  id: string;
  label: string;
  lon: number;
  lat: number;
}

/** A local stand-in for PDOK Locatieserver v3.1 (suggest and lookup), for PDOK_LOCATIESERVER_URL. */
export async function startFakeLocatieserver(
  addresses: FakeAddress[],
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
    let docs: object[] = [];
    if (url.pathname.endsWith('/suggest')) {
      const q = fold(url.searchParams.get('q') ?? '');
      docs = addresses
        .filter((a) => fold(a.label).includes(q))
        .map((a) => ({ id: a.id, weergavenaam: a.label, type: 'adres' }));
    } else if (url.pathname.endsWith('/lookup')) {
      docs = addresses
        .filter((a) => a.id === url.searchParams.get('id'))
        .map((a) => ({ id: a.id, weergavenaam: a.label, type: 'adres', centroide_ll: `POINT(${a.lon} ${a.lat})` }));
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ response: { numFound: docs.length, start: 0, docs } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
