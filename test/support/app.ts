import { parseConfig, type Config } from '../../src/config.ts';
import type { Db } from '../../src/db/db.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/deps.ts';
import { startSession } from '../../src/domain/people/index.ts';
import { fixedClock, type Clock } from '../../src/shared/clock.ts';

export function testConfig(overrides: Record<string, string> = {}): Config {
  // A fixed link secret, so a test may set an https PUBLIC_BASE_URL (which requires one) without saying so.
  return parseConfig({
    LOG_LEVEL: 'silent',
    LINK_SIGNING_SECRET: 'wijkpost-test-link-signing-secret-0123456789',
    ...overrides,
  });
}

export async function testApp(db: Db, options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<App> {
  return buildApp({
    db,
    clock: options.clock ?? fixedClock('2026-11-24T09:00:00+01:00'),
    config: testConfig(options.env),
  });
}

/** A bearer token for an existing user, without going through password login. */
export async function bearerFor(
  db: Db,
  userId: string,
  clock: Clock = fixedClock('2026-11-24T09:00:00+01:00'),
): Promise<{ authorization: string }> {
  const { token } = await startSession({ db, clock }, userId, 'bearer', 24 * 365);
  return { authorization: `Bearer ${token}` };
}
