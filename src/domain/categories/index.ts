/** The categories area: what other areas may use. */
export { findCategory, listIntakeCategories } from './repository.ts';
export { importCategoryTree, type CategoryTreeMain, type CategoryTreeSubcategory } from './import-category-tree.ts';
export type { Category, CategoryTree, Deadline } from './schemas.ts';
