import multipart from '@fastify/multipart';
import { z } from 'zod';
import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import { getOfficerPhoto } from './get-officer-photo.ts';
import { withSpooledFiles } from './routes-spool.ts';
import { PHOTO_CSP } from './routes-upload.ts';
import { setOfficerPhoto } from './set-officer-photo.ts';

const officerParamsSchema = z.object({ officerId: z.guid() });
const officerPhotoParamsSchema = z.object({ photoId: z.guid() });
const officerPhotoSchema = z.object({ photoUrl: z.string().describe('public address of the portrait') });

/** An officer's portrait: uploaded by an administrator, shown to everyone on the district page. */
export function registerOfficerPhotoRoutes(app: App, deps: AppDeps & { maxBytes: number }) {
  app.register(async (scope: App) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: deps.maxBytes, files: 1, fields: 0, parts: 1, headerPairs: 200 },
    });
    scope.put(
      '/api/v1/officers/:officerId/photo',
      {
        preHandler: requireRoles('administrator'),
        schema: {
          tags: ['officers'],
          summary: "Set an officer's public portrait (one JPEG or PNG; re-encoded, metadata such as GPS removed)",
          consumes: ['multipart/form-data'],
          params: officerParamsSchema,
          response: {
            200: officerPhotoSchema,
            400: problemSchema,
            404: problemSchema,
            413: problemSchema,
            415: problemSchema,
          },
        },
      },
      async (request) =>
        withSpooledFiles(request, deps.config.UPLOAD_SPOOL_DIR, (files) =>
          setOfficerPhoto(deps, currentStaff(request), { officerId: request.params.officerId, files }),
        ),
    );
  });

  app.get(
    '/api/v1/public/officer-photos/:photoId',
    {
      schema: {
        tags: ['public'],
        summary: "An officer's public portrait (no login); a new portrait gets a new address",
        produces: ['image/jpeg', 'image/png'],
        params: officerPhotoParamsSchema,
        response: { 200: z.any().describe('The JPEG or PNG bytes'), 400: problemSchema, 404: problemSchema },
      },
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode === 200) reply.header('Content-Security-Policy', PHOTO_CSP);
        return payload;
      },
    },
    async (request, reply) => {
      const photo = await getOfficerPhoto(deps, request.params.photoId);
      return reply
        .type(photo.contentType)
        .header('Cache-Control', 'public, max-age=86400')
        .header('X-Content-Type-Options', 'nosniff')
        .send(photo.data);
    },
  );
}
