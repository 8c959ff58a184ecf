import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import { listCategories, municipalityExists } from './repository.ts';
import type { CategoryTree } from './schemas.ts';

/** The public two-level tree: active main categories that hold at least one active subcategory. */
export async function listCategoryTree(deps: { db: Queryable }, municipalityCode: string): Promise<CategoryTree> {
  if (!(await municipalityExists(deps.db, municipalityCode))) throw notFound(`Municipality ${municipalityCode}`);
  const categories = await listCategories(deps.db, municipalityCode, { activeOnly: true });
  const mains = categories.filter((c) => c.parentCode === null);
  return {
    municipalityCode,
    categories: mains
      .map((main) => ({
        code: main.code,
        nameNl: main.nameNl,
        nameEn: main.nameEn,
        subcategories: categories
          .filter((sub) => sub.parentCode === main.code && sub.deadline !== null)
          .map((sub) => ({
            code: sub.code,
            nameNl: sub.nameNl,
            nameEn: sub.nameEn,
            deadline: sub.deadline!,
            urgent: sub.urgent,
            public: sub.public,
          })),
      }))
      .filter((main) => main.subcategories.length > 0),
  };
}
