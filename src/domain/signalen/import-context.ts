/**
 * What the import needs to know about the municipality, read once before the first signal: its time zone, its
 * subcategories, the coordinator queue of each district and the district locator. A mapping that names a code the
 * municipality does not have stops the import before anything is written.
 */
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { computeDeadline } from '../../shared/time/index.ts';
import { listIntakeCategories } from '../categories/index.ts';
import { findMunicipalityTimeZone, getDistrictLocator, toRd } from '../geography/index.ts';
import type { CategoryMapping } from './category-mapping.ts';
import type { MappedCategory, SignalContext } from './map-signal.ts';
import { listDistrictQueues } from './repository.ts';

export async function loadImportContext(
  deps: { db: Db; clock: Clock },
  municipalityCode: string,
  mapping: CategoryMapping | null,
): Promise<SignalContext> {
  const timeZone = await findMunicipalityTimeZone(deps.db, municipalityCode);
  if (!timeZone) throw new DomainError('not_found', `Municipality ${municipalityCode} not found.`);
  const subcategories = new Map<string, MappedCategory>();
  for (const category of await listIntakeCategories(deps.db, municipalityCode))
    if (category.parentCode !== null && category.deadline)
      subcategories.set(category.code, {
        id: category.id,
        code: category.code,
        urgent: category.urgent,
        deadline: category.deadline,
      });
  const unknownTargets = [...(mapping?.targets ?? [])].filter((code) => !subcategories.has(code)).sort();
  if (unknownTargets.length)
    throw new DomainError(
      'validation',
      `The category mapping names codes that are no active subcategory of ${municipalityCode}; nothing was imported.`,
      unknownTargets.map((code) => ({
        name: 'mapping.category',
        reason: `unknown subcategory ${code}`,
        code: 'unknown',
      })),
    );
  const queues = await listDistrictQueues(deps.db, municipalityCode);
  const fallback = queues.fallback;
  if (!fallback)
    throw new DomainError(
      'validation',
      `${municipalityCode} has no coordinator group: imported reports go to a coordinator's queue. Create one first.`,
    );
  const locator = await getDistrictLocator(deps.db);
  const now = deps.clock.now();
  return {
    now,
    locate(lon, lat) {
      const [x, y] = toRd(lon, lat);
      const located = locator.locate(x, y, municipalityCode);
      return located ? { located, rd: { x, y } } : null;
    },
    category(main, sub) {
      const mapped = mapping?.lookup(main, sub);
      const code = mapped ?? sub;
      if (!code) return { problem: 'the signal names no sub category (category.sub_slug or category_url)' };
      const category = subcategories.get(code);
      if (category) return category;
      return {
        problem: `no mapping for ${main ?? '?'}/${sub ?? '?'}, and ${municipalityCode} has no active subcategory "${code.slice(0, 60)}"`,
      };
    },
    deadline: (category, createdAt) => computeDeadline(category.deadline, createdAt, timeZone),
    queueOf: (districtCode) => queues.byDistrict.get(districtCode) ?? fallback,
  };
}
