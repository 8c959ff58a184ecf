/**
 * A small per-database-handle cache for aggregated analysis results. An entry is used only while the
 * municipality's data version (a counter bumped by triggers on its reports and observations, see
 * `dataVersion` and migration 0130) is the one it was computed at, so a new report, from any process,
 * invalidates every entry of its municipality.
 * Bounded: the oldest entry leaves when a new one would exceed the limit.
 */
import type { Queryable } from '../../db/db.ts';

const MAX_ENTRIES = 64;

interface Entry {
  version: string;
  value: unknown;
}

const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: Queryable): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

/** The cached value for key at this version, or a fresh one from compute (then stored). */
export async function cachedByVersion<T>(
  db: Queryable,
  key: string,
  version: string,
  compute: () => Promise<T>,
): Promise<{ value: T; cached: boolean }> {
  const cache = cacheOf(db);
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Re-insert so the most recently used entries are the last to leave.
    cache.delete(key);
    cache.set(key, hit);
    return { value: hit.value as T, cached: true };
  }
  const value = await compute();
  cache.delete(key);
  cache.set(key, { version, value });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return { value, cached: false };
}
