import { z } from 'zod';

export const categoryCodeSchema = z
  .string()
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use kebab-case: lower-case letters, digits and single hyphens');

export const municipalityCodeSchema = z.string().regex(/^GM[0-9]{4}$/, 'A CBS municipality code such as GM0392');

export const deadlineSchema = z.object({
  amount: z.number().int().min(1).max(365),
  unit: z.enum(['workdays', 'days']),
});
export type Deadline = z.infer<typeof deadlineSchema>;

const nameSchema = z.string().trim().min(1).max(100);

/** The kinds of answer a category's extra question takes (the datatypes of Open311 GeoReport v2). */
export const questionDatatypes = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;

/** An extra question a subcategory asks beside the description, e.g. the kind of bulky waste. */
export const categoryQuestionSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and underscores'),
    datatype: z.enum(questionDatatypes),
    required: z.boolean(),
    descriptionNl: z.string().trim().min(1).max(300),
    descriptionEn: z.string().trim().min(1).max(300),
    values: z
      .array(z.object({ key: z.string().min(1).max(60), name: z.string().min(1).max(100) }))
      .min(1)
      .optional()
      .describe('The choices of a singlevaluelist or multivaluelist'),
  })
  .refine((q) => (q.datatype.endsWith('valuelist') ? q.values !== undefined : q.values === undefined), {
    message: 'values are given exactly for singlevaluelist and multivaluelist',
    path: ['values'],
  });
export type CategoryQuestion = z.infer<typeof categoryQuestionSchema>;

export const publicSubcategorySchema = z.object({
  code: categoryCodeSchema,
  nameNl: z.string(),
  nameEn: z.string(),
  deadline: deadlineSchema,
  urgent: z.boolean(),
  public: z.boolean().describe('Shown on public maps'),
});

export const publicMainCategorySchema = z.object({
  code: categoryCodeSchema,
  nameNl: z.string(),
  nameEn: z.string(),
  subcategories: z.array(publicSubcategorySchema),
});

export const categoryTreeSchema = z.object({
  municipalityCode: z.string(),
  categories: z.array(publicMainCategorySchema),
});
export type CategoryTree = z.infer<typeof categoryTreeSchema>;

export const municipalityParamsSchema = z.object({ municipalityCode: municipalityCodeSchema });
export const categoryParamsSchema = z.object({ code: categoryCodeSchema });

export const createCategoryBodySchema = z.object({
  code: categoryCodeSchema,
  nameNl: nameSchema,
  nameEn: nameSchema,
  parentCode: categoryCodeSchema.optional().describe('Leave out for a main category'),
  deadline: deadlineSchema.optional().describe('Required for subcategories, not allowed on main categories'),
  urgent: z.boolean().default(false),
  public: z.boolean().default(true),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type CreateCategoryInput = z.infer<typeof createCategoryBodySchema>;

export const updateCategoryBodySchema = z
  .object({
    nameNl: nameSchema,
    nameEn: nameSchema,
    deadline: deadlineSchema,
    urgent: z.boolean(),
    public: z.boolean(),
    active: z.boolean(),
    sortOrder: z.number().int().min(0).max(10_000),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export type UpdateCategoryInput = z.infer<typeof updateCategoryBodySchema>;

export const adminCategorySchema = z.object({
  id: z.uuid(),
  code: categoryCodeSchema,
  nameNl: z.string(),
  nameEn: z.string(),
  parentCode: z.string().nullable(),
  deadline: deadlineSchema.nullable(),
  urgent: z.boolean(),
  public: z.boolean(),
  active: z.boolean(),
  sortOrder: z.number().int(),
});
export type AdminCategory = z.infer<typeof adminCategorySchema>;

/** What intake needs to know about a category. */
export interface Category {
  id: string;
  code: string;
  nameNl: string;
  nameEn: string;
  parentCode: string | null;
  deadline: Deadline | null;
  urgent: boolean;
  public: boolean;
}
