/** Helpers for the staff stories: demo people, reports filed through the real API, the sign-in form. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Db } from '../../src/db/db.ts';
import { DEMO_PASSWORD } from './support.ts';

export async function userIdOf(db: Db, email: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(email) = lower($1)', [email]);
  assert.ok(rows[0], `no demo user ${email}`);
  return rows[0].id;
}

/** A CRS84 point inside the district, with a small offset so several reports do not coincide. */
export async function pointIn(db: Db, districtCode: string, offset = 0): Promise<[number, number]> {
  const { rows } = await db.query<{ lon: number; lat: number }>(
    'SELECT ST_X(p) AS lon, ST_Y(p) AS lat FROM (SELECT ST_Transform(ST_PointOnSurface(geom), 4326) AS p FROM districts WHERE code = $1) x',
    [districtCode],
  );
  assert.ok(rows[0], `no district ${districtCode}`);
  return [rows[0].lon + offset * 0.0004, rows[0].lat + offset * 0.0002];
}

export interface Filed {
  id: string;
  trackingCode: string;
  assignee: { kind: string; id: string; name: string };
  district: { code: string; name: string };
}

/** A resident's report through the public API, as the web form sends it. */
export async function fileReport(
  baseUrl: string,
  body: { category: string; description: string; location: [number, number] },
): Promise<Filed> {
  const response = await fetch(`${baseUrl}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: body.category,
      description: body.description,
      location: { type: 'Point', coordinates: body.location },
    }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as Filed;
}

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, baseUrl: string, email: string, landsOn: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.fill('#email', email);
  await page.fill('#password', DEMO_PASSWORD);
  await page.click('#sign-in');
  await page.waitForURL(landsOn);
}

/**
 * The app runs on a fixed clock (routing depends on district days and absences) while the browser keeps
 * the real one; a session cookie that expired on the app's clock would be dropped by the browser.
 * A long session lifetime keeps the cookie valid on both clocks.
 */
export const LONG_SESSIONS = { SESSION_TTL_HOURS: String(24 * 365 * 10) };
