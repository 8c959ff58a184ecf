import { registerCategoryRoutes } from '../domain/categories/index.ts';
import { registerGeographyRoutes } from '../domain/geography/index.ts';
import { registerPeopleRoutes } from '../domain/people/index.ts';
import type { App, AppDeps } from './deps.ts';

/** Every area's routes, registered in one place. */
export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  registerCategoryRoutes(app, deps);
  await registerGeographyRoutes(app, deps);
  await registerPeopleRoutes(app, deps);
}
