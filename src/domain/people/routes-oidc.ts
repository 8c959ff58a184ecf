import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import { listRoleMappings, replaceRoleMappings } from './oidc-role-mappings.ts';
import { roleMappingsBodySchema, roleMappingsSchema } from './schemas.ts';

const tags = ['single sign-on'];

/** The role mapping of single sign-on, for the administrators of each municipality (their own only). */
export function registerOidcRoutes(app: App, deps: AppDeps) {
  const administrators = { onRequest: requireRoles('administrator') };

  app.get(
    '/api/v1/oidc/role-mappings',
    {
      ...administrators,
      schema: {
        tags,
        summary: "Which values of the identity provider's roles claim give which role in your municipality",
        response: { 200: roleMappingsSchema },
      },
    },
    async (request) => {
      const { municipalityCode } = currentStaff(request);
      return { municipalityCode, mappings: await listRoleMappings(deps, municipalityCode) };
    },
  );

  app.put(
    '/api/v1/oidc/role-mappings',
    {
      ...administrators,
      schema: {
        tags,
        summary: "Replace your municipality's role mapping (takes effect at each user's next sign-in)",
        body: roleMappingsBodySchema,
        response: { 200: roleMappingsSchema, 404: problemSchema },
      },
    },
    async (request) => {
      const { municipalityCode } = currentStaff(request);
      return { municipalityCode, mappings: await replaceRoleMappings(deps, municipalityCode, request.body.mappings) };
    },
  );
}
