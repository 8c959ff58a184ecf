import { type App, type AppDeps, currentStaff, problemSchema, requireRoles } from '../../http/route-kit.ts';
import { getMunicipalitySettings, updateMunicipalitySettings } from './municipality-settings.ts';
import { municipalitySettingsSchema, updateSettingsBodySchema } from './schemas.ts';

const tags = ['settings'];
const adminOnly = requireRoles('administrator');

export function registerSettingsRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/municipality/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'The settings of your municipality: time zone and retention periods (administrator)',
        response: { 200: municipalitySettingsSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema },
      },
    },
    async (request) => getMunicipalitySettings(deps, currentStaff(request)),
  );

  app.patch(
    '/api/v1/municipality/settings',
    {
      onRequest: adminOnly,
      schema: {
        tags,
        summary: 'Change settings of your municipality (administrator)',
        description:
          'Only the settings given change. Retention periods apply to every closed report at the next job run.',
        body: updateSettingsBodySchema,
        response: {
          200: municipalitySettingsSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => updateMunicipalitySettings(deps, currentStaff(request), request.body),
  );
}
