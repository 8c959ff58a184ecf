import type { Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { getCategory, insertCategory } from './repository.ts';
import type { AdminCategory, CreateCategoryInput } from './schemas.ts';

/** Adds a main category or a subcategory; the tree stays two levels deep. */
export async function createCategory(
  deps: { db: Queryable },
  municipalityCode: string,
  input: CreateCategoryInput,
): Promise<AdminCategory> {
  const problems: FieldProblem[] = [];
  let parentId: string | null = null;
  if (input.parentCode !== undefined) {
    const parent = await getCategory(deps.db, municipalityCode, input.parentCode);
    if (!parent)
      problems.push({
        name: 'parentCode',
        reason: `No category ${input.parentCode} in this municipality`,
        code: 'unknown',
      });
    else if (parent.parentCode !== null)
      problems.push({
        name: 'parentCode',
        reason: 'Only main categories can have subcategories (two levels)',
        code: 'too_deep',
      });
    else parentId = parent.id;
    if (!input.deadline)
      problems.push({ name: 'deadline', reason: 'A subcategory needs a deadline', code: 'required' });
  } else if (input.deadline) {
    problems.push({
      name: 'deadline',
      reason: 'Main categories carry no deadline; set it on their subcategories',
      code: 'not_allowed',
    });
  }
  if (problems.length > 0)
    throw new DomainError('validation', `${problems.length} problem(s) with the new category`, problems);

  const inserted = await insertCategory(deps.db, {
    municipalityCode,
    code: input.code,
    nameNl: input.nameNl,
    nameEn: input.nameEn,
    parentId,
    deadline: input.parentCode !== undefined ? (input.deadline ?? null) : null,
    urgent: input.urgent,
    public: input.public,
    sortOrder: input.sortOrder,
  });
  if (!inserted) throw new DomainError('conflict', `A category with code ${input.code} already exists`);
  const created = await getCategory(deps.db, municipalityCode, input.code);
  if (!created) throw new Error(`Category ${input.code} vanished after insert`);
  return created;
}
