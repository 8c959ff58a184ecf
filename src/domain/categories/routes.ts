import { z } from 'zod';
import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import { createCategory } from './create-category.ts';
import { updateCategory } from './update-category.ts';
import { listCategoryTree } from './list-category-tree.ts';
import { listCategories } from './repository.ts';
import {
  adminCategorySchema,
  categoryParamsSchema,
  categoryTreeSchema,
  createCategoryBodySchema,
  municipalityParamsSchema,
  updateCategoryBodySchema,
} from './schemas.ts';

const adminOnly = requireRoles('administrator');

export function registerCategoryRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/municipalities/:municipalityCode/categories',
    {
      schema: {
        tags: ['categories'],
        summary: 'The category tree of a municipality, with deadlines (public)',
        params: municipalityParamsSchema,
        response: { 200: categoryTreeSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => listCategoryTree(deps, request.params.municipalityCode),
  );

  app.get(
    '/api/v1/categories',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['categories'],
        summary: 'Every category of your municipality, inactive ones included (administrator)',
        response: {
          200: z.object({ categories: z.array(adminCategorySchema) }),
          401: problemSchema,
          403: problemSchema,
        },
      },
    },
    async (request) => ({
      categories: await listCategories(deps.db, currentStaff(request).municipalityCode, { activeOnly: false }),
    }),
  );

  app.post(
    '/api/v1/categories',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['categories'],
        summary: 'Add a main category or subcategory in your municipality (administrator)',
        body: createCategoryBodySchema,
        response: {
          201: adminCategorySchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      const created = await createCategory(deps, staff.municipalityCode, request.body);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/v1/categories/:code',
    {
      preHandler: adminOnly,
      schema: {
        tags: ['categories'],
        summary: 'Change a category in your municipality (administrator)',
        params: categoryParamsSchema,
        body: updateCategoryBodySchema,
        response: {
          200: adminCategorySchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const staff = currentStaff(request);
      return updateCategory(deps, staff.municipalityCode, request.params.code, request.body);
    },
  );
}
