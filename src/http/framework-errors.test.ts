import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { openTestDb } from '../../test/support/db.ts';
import { testApp } from '../../test/support/app.ts';
import type { App } from './deps.ts';

const problemJson = /^application\/problem\+json/;

describe('answers Fastify and node give before routing are problem+json', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb({ empty: true });
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('bad percent-encoding in the path: 400', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/public/districts/WK%zz/officer' });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), problemJson);
    assert.equal(response.headers['api-version'], '1.0.0');
    assert.equal(response.json().code, 'bad_url');
  });

  it('a path parameter longer than any identifier: 414', async () => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/public/districts/${'W'.repeat(500)}/officer` });
    assert.equal(response.statusCode, 414);
    assert.match(String(response.headers['content-type']), problemJson);
    assert.equal(response.json().title, 'URI too long');
  });

  it('headers larger than node accepts: 431, written by the client error handler', async () => {
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const sent = httpRequest(
        { host: '127.0.0.1', port, path: '/api/v1/health', headers: { 'x-padding': 'x'.repeat(64 * 1024) } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }),
          );
        },
      );
      sent.on('error', reject);
      sent.end();
    });
    assert.equal(answer.status, 431);
    assert.match(answer.type, problemJson);
    assert.equal(JSON.parse(answer.body).status, 431);
  });
});
