import type { App, AppDeps } from './deps.ts';

/** Every area's routes, registered in one place. */
export async function registerRoutes(_app: App, _deps: AppDeps): Promise<void> {
}
