import type { Queryable } from '../../db/db.ts';
import type { AdminCategory, Category, CategoryQuestion, Deadline } from './schemas.ts';

interface CategoryRow {
  id: string;
  code: string;
  name_nl: string;
  name_en: string;
  parent_code: string | null;
  deadline_amount: number | null;
  deadline_unit: Deadline['unit'] | null;
  urgent: boolean;
  public: boolean;
  active: boolean;
  sort_order: number;
}

const selectCategories = `
  SELECT c.id, c.code, c.name_nl, c.name_en, p.code AS parent_code, c.deadline_amount, c.deadline_unit,
         c.urgent, c.public, c.active, c.sort_order
    FROM categories c LEFT JOIN categories p ON p.id = c.parent_id`;

function toAdminCategory(row: CategoryRow): AdminCategory {
  return {
    id: row.id,
    code: row.code,
    nameNl: row.name_nl,
    nameEn: row.name_en,
    parentCode: row.parent_code,
    deadline:
      row.deadline_amount !== null && row.deadline_unit !== null
        ? { amount: row.deadline_amount, unit: row.deadline_unit }
        : null,
    urgent: row.urgent,
    public: row.public,
    active: row.active,
    sortOrder: row.sort_order,
  };
}

export async function municipalityExists(db: Queryable, municipalityCode: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM municipalities WHERE code = $1', [municipalityCode]);
  return rows.length > 0;
}

/** Every category of the municipality, main categories first, in display order. */
export async function listCategories(
  db: Queryable,
  municipalityCode: string,
  options: { activeOnly: boolean },
): Promise<AdminCategory[]> {
  const { rows } = await db.query<CategoryRow>(
    `${selectCategories}
      WHERE c.municipality_code = $1 AND ($2::boolean = false OR (c.active AND (p.id IS NULL OR p.active)))
      ORDER BY c.parent_id IS NOT NULL, c.sort_order, c.name_nl, c.code`,
    [municipalityCode, options.activeOnly],
  );
  return rows.map(toAdminCategory);
}

export async function getCategory(
  db: Queryable,
  municipalityCode: string,
  code: string,
): Promise<AdminCategory | null> {
  const { rows } = await db.query<CategoryRow>(`${selectCategories} WHERE c.municipality_code = $1 AND c.code = $2`, [
    municipalityCode,
    code,
  ]);
  return rows[0] ? toAdminCategory(rows[0]) : null;
}

/**
 * An active category (and active parent) by code, or null. Inactive categories are not
 * offered for new reports, so intake sees them as unknown.
 */
export async function findCategory(db: Queryable, municipalityCode: string, code: string): Promise<Category | null> {
  const { rows } = await db.query<CategoryRow>(
    `${selectCategories} WHERE c.municipality_code = $1 AND c.code = $2 AND c.active AND (p.id IS NULL OR p.active)`,
    [municipalityCode, code],
  );
  if (!rows[0]) return null;
  const { active: _active, sortOrder: _sortOrder, ...category } = toAdminCategory(rows[0]);
  return category;
}

/** Every category intake may use (active, with an active parent): what findCategory finds, all at once for a cache. */
export async function listIntakeCategories(db: Queryable, municipalityCode: string): Promise<Category[]> {
  const { rows } = await db.query<CategoryRow>(
    `${selectCategories} WHERE c.municipality_code = $1 AND c.active AND (p.id IS NULL OR p.active)`,
    [municipalityCode],
  );
  return rows.map((row) => {
    const { active: _active, sortOrder: _sortOrder, ...category } = toAdminCategory(row);
    return category;
  });
}

export interface NewCategory {
  municipalityCode: string;
  code: string;
  nameNl: string;
  nameEn: string;
  parentId: string | null;
  deadline: Deadline | null;
  urgent: boolean;
  public: boolean;
  sortOrder: number;
  questions?: CategoryQuestion[];
}

/** Inserts unless the code already exists; returns whether a row was added. */
export async function insertCategory(db: Queryable, category: NewCategory): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO categories (municipality_code, parent_id, code, name_nl, name_en, deadline_amount, deadline_unit, urgent, public, sort_order, questions)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)
     ON CONFLICT (municipality_code, code) DO NOTHING`,
    [
      category.municipalityCode,
      category.parentId,
      category.code,
      category.nameNl,
      category.nameEn,
      category.deadline?.amount ?? null,
      category.deadline?.unit ?? null,
      category.urgent,
      category.public,
      category.sortOrder,
      JSON.stringify(category.questions ?? []),
    ],
  );
  return rowCount > 0;
}

export interface CategoryChanges {
  nameNl?: string;
  nameEn?: string;
  deadline?: Deadline;
  urgent?: boolean;
  public?: boolean;
  active?: boolean;
  sortOrder?: number;
}

export async function updateCategoryRow(db: Queryable, id: string, changes: CategoryChanges): Promise<void> {
  await db.query(
    `UPDATE categories
        SET name_nl = COALESCE($2, name_nl), name_en = COALESCE($3, name_en),
            deadline_amount = COALESCE($4, deadline_amount), deadline_unit = COALESCE($5, deadline_unit),
            urgent = COALESCE($6, urgent), public = COALESCE($7, public), active = COALESCE($8, active),
            sort_order = COALESCE($9, sort_order)
      WHERE id = $1`,
    [
      id,
      changes.nameNl ?? null,
      changes.nameEn ?? null,
      changes.deadline?.amount ?? null,
      changes.deadline?.unit ?? null,
      changes.urgent ?? null,
      changes.public ?? null,
      changes.active ?? null,
      changes.sortOrder ?? null,
    ],
  );
}

/** A subcategory as outside channels (Open311) offer it: with its main category and its extra questions. */
export interface OfferedSubcategory {
  code: string;
  nameNl: string;
  nameEn: string;
  parentCode: string;
  parentNameNl: string;
  parentNameEn: string;
  questions: CategoryQuestion[];
}

/**
 * The active subcategories that are public themselves and under a public main category, in display order:
 * what a public channel may offer (the sensitive ones, youths, drugs, noise, stay with the municipality's own).
 */
export async function listPublicSubcategories(db: Queryable, municipalityCode: string): Promise<OfferedSubcategory[]> {
  const { rows } = await db.query<OfferedSubcategory>(
    `SELECT c.code, c.name_nl AS "nameNl", c.name_en AS "nameEn", p.code AS "parentCode",
            p.name_nl AS "parentNameNl", p.name_en AS "parentNameEn", c.questions
       FROM categories c JOIN categories p ON p.id = c.parent_id
      WHERE c.municipality_code = $1 AND c.active AND p.active AND c.public AND p.public
      ORDER BY p.sort_order, p.name_nl, c.sort_order, c.name_nl, c.code`,
    [municipalityCode],
  );
  return rows;
}
