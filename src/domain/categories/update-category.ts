import type { Queryable } from '../../db/db.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { getCategory, updateCategoryRow } from './repository.ts';
import type { AdminCategory, UpdateCategoryInput } from './schemas.ts';

/** Changes names, deadline, flags or order; deactivating hides a category from new reports. */
export async function updateCategory(
  deps: { db: Queryable },
  municipalityCode: string,
  code: string,
  changes: UpdateCategoryInput,
): Promise<AdminCategory> {
  const existing = await getCategory(deps.db, municipalityCode, code);
  if (!existing) throw notFound(`Category ${code}`);
  if (changes.deadline && existing.parentCode === null) {
    throw new DomainError('validation', 'Main categories carry no deadline', [
      {
        name: 'deadline',
        reason: 'Main categories carry no deadline; set it on their subcategories',
        code: 'not_allowed',
      },
    ]);
  }
  await updateCategoryRow(deps.db, existing.id, changes);
  return (await getCategory(deps.db, municipalityCode, code))!;
}
