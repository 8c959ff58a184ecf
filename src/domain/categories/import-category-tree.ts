import type { Queryable } from '../../db/db.ts';
import { getCategory, insertCategory } from './repository.ts';
import { categoryQuestionSchema, type CategoryQuestion, type Deadline } from './schemas.ts';

/** A category tree to load (the demo's, or a municipality's own list). */
export interface CategoryTreeSubcategory {
  code: string;
  nameNl: string;
  nameEn: string;
  deadline: Deadline;
  urgent?: boolean;
  /** Sensitive subjects (youths, drugs) and those bound to a dwelling (noise) stay off the public map. */
  public?: boolean;
  /** Extra questions beside the description (Open311 attributes). */
  questions?: CategoryQuestion[];
}

export interface CategoryTreeMain {
  code: string;
  nameNl: string;
  nameEn: string;
  subcategories: CategoryTreeSubcategory[];
}

/** Adds a two-level category tree; existing codes are left as they are, so loading it twice is harmless. */
export async function importCategoryTree(
  deps: { db: Queryable },
  municipalityCode: string,
  tree: readonly CategoryTreeMain[],
): Promise<{ created: number }> {
  let created = 0;
  for (const [mainIndex, main] of tree.entries()) {
    const base = { municipalityCode, urgent: false, public: true };
    if (
      await insertCategory(deps.db, {
        ...base,
        code: main.code,
        nameNl: main.nameNl,
        nameEn: main.nameEn,
        parentId: null,
        deadline: null,
        sortOrder: mainIndex,
      })
    ) {
      created += 1;
    }
    const parent = await getCategory(deps.db, municipalityCode, main.code);
    if (!parent) throw new Error(`Main category ${main.code} missing after loading`);
    for (const [subIndex, sub] of main.subcategories.entries()) {
      const inserted = await insertCategory(deps.db, {
        ...base,
        code: sub.code,
        nameNl: sub.nameNl,
        nameEn: sub.nameEn,
        parentId: parent.id,
        deadline: sub.deadline,
        urgent: sub.urgent ?? false,
        public: sub.public ?? true,
        sortOrder: subIndex,
        questions: (sub.questions ?? []).map((question) => categoryQuestionSchema.parse(question)),
      });
      if (inserted) created += 1;
    }
  }
  return { created };
}
