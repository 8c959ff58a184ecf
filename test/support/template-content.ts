import type { Db } from '../../src/db/db.ts';

/** What every test database starts with beyond the schema. */
export async function prepareTemplateContent(_db: Db): Promise<void> {
}
