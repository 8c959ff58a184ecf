/**
 * The category mapping file of `wijkpost import signalen --mapping FILE`: Signalen main/sub slug → Wijkpost
 * subcategory code. JSON (`{"mappings": [{"main": "afval", "sub": "grofvuil", "category": "grofvuil"}]}`, or the
 * array alone) or CSV with the header `main_slug,sub_slug,category` (`,` or `;`). `*` as the main slug matches
 * that sub slug under any main category; `*` as the sub slug matches every sub category of that main one. The most
 * specific entry wins (main+sub, then *+sub, then main+*). A slug no entry covers falls back to the Wijkpost
 * subcategory with the same code as the sub slug. Pure: parsing only; the codes are checked by the import.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';

export interface CategoryMapping {
  /** The Wijkpost code for a Signalen main and sub slug, or undefined when the file does not say. */
  lookup(mainSlug: string | null, subSlug: string | null): string | undefined;
  /** Every Wijkpost code the file names, so the import can refuse an unknown one before it starts. */
  readonly targets: ReadonlySet<string>;
  readonly size: number;
}

const slug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^(\*|[a-z0-9][a-z0-9_-]*)$/, 'a Signalen slug (lower case, digits, - and _) or *');
const entrySchema = z.object({ main: slug, sub: slug, category: z.string().trim().min(1).max(60) });
const jsonSchema = z.union([z.object({ mappings: z.array(entrySchema) }), z.array(entrySchema)]);
type Entry = z.infer<typeof entrySchema>;

export function parseCategoryMapping(text: string, fileName: string): CategoryMapping {
  const entries = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text) ? parseJson(text) : parseCsv(text);
  const byKey = new Map<string, string>();
  const problems: FieldProblem[] = [];
  entries.forEach((entry, index) => {
    const key = `${entry.main}\u0000${entry.sub}`;
    const earlier = byKey.get(key);
    if (earlier !== undefined && earlier !== entry.category)
      problems.push({
        name: `mappings[${index}]`,
        reason: `${entry.main}/${entry.sub} is mapped twice, to ${earlier} and to ${entry.category}`,
        code: 'duplicate',
      });
    byKey.set(key, entry.category);
  });
  if (problems.length) throw new DomainError('validation', 'The category mapping contradicts itself.', problems);
  return {
    lookup(mainSlug, subSlug) {
      const main = mainSlug ?? '*';
      const sub = subSlug ?? '*';
      return byKey.get(`${main}\u0000${sub}`) ?? byKey.get(`*\u0000${sub}`) ?? byKey.get(`${main}\u0000*`);
    },
    targets: new Set(byKey.values()),
    size: byKey.size,
  };
}

function parseJson(text: string): Entry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DomainError('validation', `The category mapping is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = jsonSchema.safeParse(data);
  if (!parsed.success)
    throw new DomainError(
      'validation',
      'The category mapping does not have the expected shape: {"mappings": [{"main", "sub", "category"}]}.',
      parsed.error.issues.map((issue) => ({ name: issue.path.join('.'), reason: issue.message, code: issue.code })),
    );
  return Array.isArray(parsed.data) ? parsed.data : parsed.data.mappings;
}

function parseCsv(text: string): Entry[] {
  const delimiter = (text.split(/\r?\n/, 1)[0] ?? '').includes(';') ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, delimiter, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new DomainError('validation', `The category mapping is not valid CSV: ${(error as Error).message}`);
  }
  const problems: FieldProblem[] = [];
  const entries: Entry[] = [];
  records.forEach((record, index) => {
    const parsed = entrySchema.safeParse({ main: record.main_slug, sub: record.sub_slug, category: record.category });
    if (parsed.success) entries.push(parsed.data);
    else
      problems.push({
        name: `line ${index + 2}`,
        reason: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '),
        code: 'invalid',
      });
  });
  if (problems.length)
    throw new DomainError('validation', 'The category mapping has bad lines (header: main_slug,sub_slug,category).', [
      ...problems,
    ]);
  return entries;
}

/** Slugs from `category_url` (…/terms/categories/{main}/sub_categories/{sub}), for items without main_slug/sub_slug. */
export function slugsOfCategoryUrl(url: string): { main: string; sub: string } | null {
  const match = /\/categories\/([^/?#]+)\/sub_categories\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url);
  return match ? { main: decodeURIComponent(match[1]!), sub: decodeURIComponent(match[2]!) } : null;
}
