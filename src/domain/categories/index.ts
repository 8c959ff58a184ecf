/** The categories area: what other areas may use. */
export { findCategory, listIntakeCategories } from './repository.ts';
export { seedHaarlemCategories, haarlemCategoryTree } from './seed-haarlem-categories.ts';
export { registerCategoryRoutes } from './routes.ts';
export type { Category, CategoryTree, Deadline } from './schemas.ts';
