import { type App, type AppDeps, currentStaff, problemSchema, requireRoles } from '../../http/route-kit.ts';
import { erasePersonalData } from './erase-personal-data.ts';
import { findPersonalData } from './find-personal-data.ts';
import { erasureReceiptSchema, personalDataExportSchema, privacyRequestBodySchema } from './schemas.ts';

const tags = ['privacy'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 413: problemSchema };
/** An address and a number fit in a few hundred bytes; nothing larger is read. */
const bodyLimit = 4096;

/**
 * Data-subject requests, administrators only. Both are POSTs with the address in the body, also the search that
 * changes nothing: a GET would carry the address in its URL, and URLs land in access logs, proxies and history.
 */
export function registerPrivacyRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/v1/privacy/requests/search',
    {
      preHandler: requireRoles('administrator'),
      bodyLimit,
      schema: {
        tags,
        summary: 'Find and export everything held for an e-mail address or phone number (administrator)',
        description:
          'A POST so the address never appears in a URL. Within your municipality only. The request is recorded (who, when, counts; the address as a salted hash).',
        body: privacyRequestBodySchema,
        response: { 200: personalDataExportSchema, ...problems },
      },
    },
    async (request) => findPersonalData(deps, currentStaff(request), request.body),
  );

  app.post(
    '/api/v1/privacy/requests/erase',
    {
      preHandler: requireRoles('administrator'),
      bodyLimit,
      schema: {
        tags,
        summary: 'Erase the reporter contact and follows held for an e-mail address or phone number (administrator)',
        description:
          'The reports stay, without reporter contact, each with a history entry; follows are removed; staff accounts are only counted. Recorded like a search.',
        body: privacyRequestBodySchema,
        response: { 200: erasureReceiptSchema, ...problems },
      },
    },
    async (request) => erasePersonalData(deps, currentStaff(request), request.body),
  );
}
