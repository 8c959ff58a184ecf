/** The categories area: what other areas may use. */
export { findCategory, listIntakeCategories, listPublicSubcategories, type OfferedSubcategory } from './repository.ts';
export { importCategoryTree, type CategoryTreeMain, type CategoryTreeSubcategory } from './import-category-tree.ts';
export type { Category, CategoryQuestion, CategoryTree, Deadline } from './schemas.ts';
export { questionDatatypes } from './schemas.ts';
