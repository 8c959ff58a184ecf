import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { openTestDb } from '../../test/support/db.ts';
import { testConfig } from '../../test/support/app.ts';
import type { Db } from '../db/db.ts';
import { fixedClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import type { App } from './deps.ts';
import { backgroundTileUrl, contentSecurityPolicy, registerWebUi, tileSource } from './web.ts';

describe('web UI serving', () => {
  let db: Db;
  let app: App;
  let dist: string;
  const script = 'console.log("wijkpost");'.repeat(100);

  before(async () => {
    dist = mkdtempSync(join(tmpdir(), 'wijkpost-web-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Wijkpost</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
    writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(script));
    db = await openTestDb({ empty: true });
    const deps = {
      db,
      clock: fixedClock('2026-11-24T09:00:00+01:00'),
      config: testConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png' }),
    };
    app = await buildApp(deps, { extend: (instance) => registerWebUi(instance, deps, { distDir: dist }) });
  });
  after(async () => {
    await app.close();
    await db.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('serves index.html for client-side routes, with a strict CSP that allows the tile host', async () => {
    for (const url of ['/', '/melden', '/melding/ABC-123?x=1']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 200, url);
      assert.match(response.body, /<div id="root">/);
      assert.equal(response.headers['cache-control'], 'no-cache');
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.match(csp, /style-src 'self'(;|$)/);
      assert.match(csp, /img-src 'self' data: blob: https:\/\/tiles\.example\.org(;|$)/);
      assert.match(csp, /frame-ancestors 'none'/);
    }
  });

  it('keeps problem+json 404s for unknown API paths and missing files', async () => {
    for (const url of ['/api/v1/nope', '/assets/missing-file.js']) {
      const response = await app.inject({ method: 'GET', url });
      assert.equal(response.statusCode, 404, url);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    }
  });

  it('caches hashed assets forever and serves their precompressed copy', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/assets/index-abc123.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(response.headers['content-encoding'], 'gzip');
  });

  it('tells the UI its map background and form limits', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/ui-config' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'no-store');
    const body = response.json();
    assert.equal(body.mapTileUrl, 'https://tiles.example.org/{z}/{x}/{y}.png');
    assert.equal(body.municipalityCode, 'GM0392');
    assert.equal(body.photoMaxCount, 3);
    assert.equal(body.photoMaxBytes, testConfig().PHOTO_MAX_BYTES);
    assert.equal(body.descriptionMaxLength, 1000);
  });

  it("tells the UI the municipality's time zone, once the municipality is there", async () => {
    const before = await app.inject({ method: 'GET', url: '/api/v1/ui-config' });
    assert.equal(before.json().timeZone, null);
    await db.query(
      "INSERT INTO municipalities (code, name, slug, timezone) VALUES ('GM0392', 'Haarlem', 'haarlem', 'Europe/London')",
    );
    const response = await app.inject({ method: 'GET', url: '/api/v1/ui-config' });
    assert.equal(response.json().timeZone, 'Europe/London');
  });

  it('derives the CSP tile source from the URL template; `none` turns the background off', () => {
    assert.equal(tileSource('https://{s}.tile.example.org/{z}/{x}/{y}.png'), 'https://*.tile.example.org');
    assert.equal(tileSource('http://127.0.0.1:9999/{z}/{x}/{y}.png'), 'http://127.0.0.1:9999');
    assert.equal(tileSource('not a url'), null);
    assert.match(contentSecurityPolicy(''), /img-src 'self' data: blob:;/);
    assert.equal(backgroundTileUrl('none'), '');
    assert.equal(backgroundTileUrl(' OFF '), '');
    assert.equal(backgroundTileUrl('http://127.0.0.1:9999/{z}/{x}/{y}.png'), 'http://127.0.0.1:9999/{z}/{x}/{y}.png');
  });
});
