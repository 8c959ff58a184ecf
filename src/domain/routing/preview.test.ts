import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { databaseFingerprint } from '../../../test/support/fingerprint.ts';
import { emails, GROTE_MARKT, OUTSIDE_HAARLEM, TEST_NOW } from '../../../test/support/reports-world.ts';

type Headers = { authorization: string };
const [lon, lat] = GROTE_MARKT.coordinates;
const here = { lat, lon };

describe('routing preview ("try it")', () => {
  let db: Db;
  let app: App;
  let admin: Headers;
  let officer: Headers;
  let locatieserver: Server;

  const userId = async (email: string) =>
    (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]!.id;
  const preview = (payload: object, headers: Headers | Record<string, never> = admin) =>
    app.inject({ method: 'POST', url: '/api/v1/routing/preview', headers, payload });

  before(async () => {
    db = await openTestDb();
    // A local stand-in for PDOK's lookup: one address at the Grote Markt, nothing else.
    locatieserver = createServer((request, response) => {
      const id = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('id');
      const docs =
        id === 'adr-grote-markt'
          ? [{ id, weergavenaam: 'Grote Markt 2, Haarlem', type: 'adres', centroide_ll: `POINT(${lon} ${lat})` }]
          : [];
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ response: { numFound: docs.length, start: 0, docs } }));
    });
    await new Promise<void>((resolve) => locatieserver.listen(0, '127.0.0.1', resolve));
    const port = (locatieserver.address() as AddressInfo).port;
    app = await testApp(db, {
      clock: fixedClock(TEST_NOW),
      env: { PDOK_LOCATIESERVER_URL: `http://127.0.0.1:${port}/bzk/locatieserver/search/v3_1` },
    });
    admin = await bearerFor(db, await userId(emails.administrator));
    officer = await bearerFor(db, await userId(emails.centrumOfficer));
  });
  after(async () => {
    await app.close();
    await db.close();
    await new Promise((resolve) => locatieserver.close(resolve));
  });

  it('routes a hypothetical report with the saved rules and stores nothing', async () => {
    const before = await databaseFingerprint(db);
    const response = await preview({ location: here, categoryCode: 'parkeeroverlast', moment: TEST_NOW });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.rulesFrom, 'saved');
    assert.equal(body.decision.rule, 'rule:parkeeroverlast naar Team Parkeren');
    assert.deepEqual(
      { kind: body.decision.holder.kind, name: body.decision.holder.name },
      { kind: 'team', name: 'Team Parkeren' },
    );
    assert.match(body.decision.reasonEn, /Team Parkeren/);
    assert.equal(body.category.code, 'parkeeroverlast');
    assert.ok(body.district.code.startsWith('WK'));
    assert.deepEqual(body.chain.at(-1).outcome, 'decided');
    assert.deepEqual(
      await databaseFingerprint(db),
      before,
      'no row was added, changed or removed (audit log included)',
    );
  });

  it('shows the chain it walked: rules that did not match, an absent owner passed over, then who decides', async () => {
    const first = (await preview({ location: here, categoryCode: 'hondenpoep', moment: TEST_NOW })).json();
    assert.ok(
      first.chain.some((step: { step: string; outcome: string }) => step.outcome === 'no_match'),
      'the parking rule does not match dog fouling',
    );
    const { rows } = await db.query<{ owner_id: string; name: string }>(
      `SELECT a.owner_id, u.name FROM district_assignments a JOIN users u ON u.id = a.owner_id
        WHERE a.district_code = $1 AND a.valid_to IS NULL`,
      [first.district.code],
    );
    const owner = rows[0]!;
    await db.query(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at)
       VALUES ($1, 'leave', $2::timestamptz - interval '1 day', $2::timestamptz + interval '30 days', $2)`,
      [owner.owner_id, TEST_NOW],
    );
    const response = await preview({ location: here, categoryCode: 'hondenpoep', moment: TEST_NOW });
    const body = response.json();
    assert.notEqual(body.decision.holder.id, owner.owner_id);
    const passedOver = body.chain.filter((step: { outcome: string }) => step.outcome === 'passed_over');
    assert.ok(
      passedOver.some((step: { en: string }) => step.en.includes(owner.name) && step.en.includes('away until')),
      JSON.stringify(body.chain),
    );
    assert.match(body.decision.reasonNl, /afwezig tot/);
  });

  it('tries an unsaved rule set and leaves the saved rules as they are', async () => {
    const saved = (await app.inject({ method: 'GET', url: '/api/v1/routing-rules', headers: admin })).json();
    const spaarnelanden = (
      await db.query<{ id: string }>(
        `SELECT id FROM teams WHERE code = 'spaarnelanden' AND municipality_code = 'GM0392'`,
      )
    ).rows[0]!.id;
    const rules = [
      {
        name: 'hondenpoep naar Spaarnelanden',
        conditions: { categoryCodes: ['hondenpoep'] },
        target: { kind: 'partner', id: spaarnelanden },
      },
    ];
    const response = await preview({ location: here, categoryCode: 'hondenpoep', moment: TEST_NOW, rules });
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.rulesFrom, 'body');
    assert.equal(body.decision.rule, 'rule:hondenpoep naar Spaarnelanden');
    assert.equal(body.decision.holder.name, 'Spaarnelanden');
    const after = (await app.inject({ method: 'GET', url: '/api/v1/routing-rules', headers: admin })).json();
    assert.deepEqual(after, saved);
  });

  it('takes an address from the address search instead of coordinates', async () => {
    const byAddress = await preview({
      addressId: 'adr-grote-markt',
      categoryCode: 'parkeeroverlast',
      moment: TEST_NOW,
    });
    assert.equal(byAddress.statusCode, 200, byAddress.body);
    const byPoint = await preview({ location: here, categoryCode: 'parkeeroverlast', moment: TEST_NOW });
    assert.deepEqual(byAddress.json().district, byPoint.json().district);
    const unknown = await preview({ addressId: 'adr-onbekend', categoryCode: 'parkeeroverlast' });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().invalidParams[0].name, 'body.addressId');
    const both = await preview({ location: here, addressId: 'adr-grote-markt', categoryCode: 'parkeeroverlast' });
    assert.equal(both.statusCode, 400);
    assert.equal(both.json().invalidParams[0].name, 'body.location');
  });

  it('lists every problem of the input at once', async () => {
    const response = await preview({
      location: { lat: OUTSIDE_HAARLEM.coordinates[1], lon: OUTSIDE_HAARLEM.coordinates[0] },
      categoryCode: 'bestaat-niet',
      rules: [{ name: 'x', conditions: {}, target: { kind: 'team', id: '00000000-0000-4000-8000-000000000000' } }],
    });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.categoryCode', 'body.location', 'body.rules.0.target.id'],
    );
    const shape = await preview({ location: { lat: 200, lon: 4 }, categoryCode: '', source: 'fax' });
    assert.equal(shape.statusCode, 400);
    assert.deepEqual(
      shape
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.categoryCode', 'body.location.lat', 'body.source'],
    );
  });

  it('is for administrators, coordinators and team managers only', async () => {
    const payload = { location: here, categoryCode: 'hondenpoep' };
    assert.equal((await preview(payload, officer)).statusCode, 403);
    assert.equal((await preview(payload, {})).statusCode, 401);
  });
});
