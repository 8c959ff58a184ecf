/** The web app's one route table: matching, not-found for anything unknown, and the menus built from it. */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Role, StaffUser } from '../../web/src/api/contract.ts';
import { en } from '../../web/src/i18n/en.ts';
import { nl } from '../../web/src/i18n/nl.ts';
import { matchPattern, matchRoute } from '../../web/src/route-match.ts';
import { homeFor, residentMenu, routes, staffMenu } from '../../web/src/routes.ts';
import { adminSections } from '../../web/src/staff/admin/admin-sections.ts';
import { staffEn } from '../../web/src/staff/staff-en.ts';
import { staffNl } from '../../web/src/staff/staff-nl.ts';

const userWith = (...roles: Role[]): StaffUser => ({
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Test',
  email: 'test@example.org',
  roles,
  municipalityCode: 'GM0392',
});
const pageAt = (path: string) => matchRoute(routes, path)?.route.page ?? null;
const reportId = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

describe('route table', () => {
  it('matches patterns segment by segment and decodes params', () => {
    assert.deepEqual(matchPattern({ path: '/melding/:trackingCode' }, '/melding/WP%20123'), { trackingCode: 'WP 123' });
    assert.equal(matchPattern({ path: '/melding/:trackingCode' }, '/melding/'), null);
    assert.equal(matchPattern({ path: '/melding/:trackingCode' }, '/melding/a/b'), null);
    assert.equal(matchPattern({ path: '/melding/:trackingCode' }, '/melding/%E0%A4%A'), null);
    assert.equal(matchPattern({ path: '/a/:id', constraints: { id: /^\d+$/ } }, '/a/x'), null);
  });

  it('finds each page by its path, with its params', () => {
    assert.equal(pageAt('/'), 'home');
    assert.equal(pageAt('/melden'), 'reportForm');
    assert.deepEqual(matchRoute(routes, '/mijn-wijk/WK039201')?.params, { code: 'WK039201' });
    assert.equal(pageAt('/melden/bedankt/WP-1'), 'confirmation');
    assert.equal(pageAt(`/werk/melding/${reportId}`), 'reportDetail');
    assert.equal(pageAt('/kcc'), 'phoneIntake');
    assert.equal(pageAt('/beheer'), 'adminHome');
    assert.equal(pageAt('/beheer/mensen'), 'adminUsers');
    assert.equal(pageAt('/werk/planning'), 'myPlanning');
  });

  it('knows no page at an unknown path, also under the staff paths (the not-found page, never the overview)', () => {
    for (const path of ['/onbekend', '/werk/onbekend', '/werk/melding/geen-id', '/overzicht/x', '/team/', '/melden/x'])
      assert.equal(pageAt(path), null, path);
  });

  it('builds the staff menu per role, and lands each role on its first screen', () => {
    const menu = (...roles: Role[]) => staffMenu(userWith(...roles)).map((route) => route.path);
    assert.deepEqual(menu('officer'), [
      '/werk',
      '/werk/vastleggen',
      '/werk/straatmelding',
      '/werkvoorraad',
      '/werk/planning',
    ]);
    assert.deepEqual(menu('contact_centre'), ['/kcc', '/werkvoorraad']);
    assert.deepEqual(menu('analyst'), ['/analyse', '/overzicht']);
    assert.deepEqual(menu('coordinator'), ['/team', '/werkvoorraad', '/werk/planning', '/analyse', '/overzicht']);
    assert.deepEqual(menu('team_manager'), ['/team', '/werkvoorraad', '/werk/planning', '/analyse', '/overzicht']);
    assert.deepEqual(menu('administrator'), ['/beheer', '/kcc', '/team', '/werkvoorraad', '/analyse', '/overzicht']);
    assert.equal(homeFor(userWith('administrator')), '/beheer', 'the administrator lands on the administration home');
    assert.equal(homeFor(userWith('analyst')), '/analyse');
    // A partner's menu is its workspace alone: the reports forwarded to its organisation.
    assert.deepEqual(menu('partner'), ['/partner']);
    assert.equal(homeFor(userWith('team_manager')), '/team');
    assert.equal(homeFor(userWith('partner')), '/partner');
  });

  it('labels every menu entry in Dutch and English', () => {
    assert.deepEqual(
      residentMenu.map((route) => [route.path, nl[route.menu], en[route.menu]]),
      [
        ['/melden', 'Melding doen', en['nav.report']],
        ['/mijn-wijk', 'Mijn wijk', en['nav.myDistrict']],
      ],
    );
    for (const route of staffMenu(userWith('officer', 'administrator', 'analyst'))) {
      assert.ok(staffNl[route.menu] && staffEn[route.menu], route.path);
    }
  });

  it('makes every administration section, people and configuration alike, a route for administrators, named in both languages', () => {
    for (const path of [
      '/beheer/mensen',
      '/beheer/categorieen',
      '/beheer/routering',
      '/beheer/audit',
      '/beheer/berichten',
      '/beheer/inloggen',
    ])
      assert.ok(
        adminSections.some((section) => section.path === path),
        path,
      );
    for (const section of adminSections) {
      const route = routes.find((r) => r.path === section.path);
      assert.ok(route?.area === 'staff' && route.page === section.page, section.path);
      assert.deepEqual(route.access, ['administrator'], section.path);
      for (const key of [section.title, section.description]) assert.ok(staffNl[key] && staffEn[key], key);
    }
  });
});

describe('one fetch layer', () => {
  const webSrc = new URL('../../web/src/', import.meta.url).pathname;
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
    );
  const sources = files(webSrc).map((path) => ({ path: relative(webSrc, path), text: readFileSync(path, 'utf8') }));

  it('calls fetch only in api/client.ts', () => {
    const callers = sources.filter(({ text }) => /\bfetch\s*\(/.test(text)).map(({ path }) => path);
    assert.deepEqual(callers, ['api/client.ts']);
  });

  it('sends requests only from web/src/api (pages call its typed functions)', () => {
    const outside = sources
      .filter(({ path, text }) => !path.startsWith('api/') && /\bapi(Get|PostJson|PostForm|Delete)\b/.test(text))
      .map(({ path }) => path);
    assert.deepEqual(outside, []);
  });
});
