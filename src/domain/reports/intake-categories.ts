import type { Queryable } from '../../db/db.ts';
import { listIntakeCategories, type Category } from '../categories/index.ts';
import type { RoutingData } from '../routing/index.ts';

/**
 * The municipality's intake categories, loaded once per version of routing's cached data: a category
 * change bumps the same counter (migration 0081), which gives a new RoutingData and so a new entry.
 */
const categoriesByData = new WeakMap<RoutingData, Promise<Map<string, Category>>>();

export async function findIntakeCategory(
  db: Queryable,
  routingData: RoutingData,
  code: string,
): Promise<Category | null> {
  let categories = categoriesByData.get(routingData);
  if (!categories) {
    categories = listIntakeCategories(db, routingData.municipalityCode).then(
      (list) => new Map(list.map((c) => [c.code, c])),
    );
    categoriesByData.set(routingData, categories);
    // A failed load must not stay cached.
    categories.catch(() => categoriesByData.delete(routingData));
  }
  return (await categories).get(code) ?? null;
}
