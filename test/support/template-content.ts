import type { Db } from '../../src/db/db.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { testConfig } from './app.ts';

/** The browser stories sign in with it (test/browser/support.ts). */
const DEMO_PASSWORD = 'wijkpost-demo';

/**
 * What every test database starts with beyond the schema: the Haarlem demo (geography, categories,
 * team, routing rules), seeded once per run instead of once per test file. `openTestDb({ empty: true })`
 * gives the schema alone.
 */
export async function prepareTemplateContent(db: Db): Promise<void> {
  await seedDemo(db, { sharedDataDir: testConfig().SHARED_DATA_DIR, password: DEMO_PASSWORD });
}
