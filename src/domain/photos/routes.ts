import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type App,
  type AppDeps,
  currentStaff,
  optionalStaff,
  requireRoles,
  problemSchema,
} from '../../http/route-kit.ts';
import { fieldworkReaders } from '../fieldwork/index.ts';
import { roles } from '../people/index.ts';
import { addObservationPhoto, MAX_PHOTOS_PER_OBSERVATION } from './add-observation-photo.ts';
import { addReportPhotos, assertReportAcceptsPhotos, MAX_PHOTOS_PER_REPORT } from './add-report-photos.ts';
import { getPhoto } from './get-photo.ts';
import { registerOfficerPhotoRoutes } from './routes-officer-photos.ts';
import { PHOTO_CSP } from './routes-upload.ts';
import { listObservationPhotos, listReportPhotos } from './list-photos.ts';
import {
  observationIdParamsSchema,
  photoIdParamsSchema,
  photoListSchema,
  reportIdParamsSchema,
  trackingCodeParamsSchema,
  uploadReceiptSchema,
} from './schemas.ts';
import { spoolFiles, uploadGate, type SpooledUpload } from './routes-spool.ts';
import { uploadAddressKey } from './upload-usage.ts';

const tags = ['photos'];
const uploadProblems = {
  400: problemSchema,
  404: problemSchema,
  409: problemSchema,
  413: problemSchema,
  415: problemSchema,
  503: problemSchema.describe('Too many uploads at this moment: try again after Retry-After seconds'),
};
export { PHOTO_CSP } from './routes-upload.ts';

export function registerPhotoRoutes(app: App, deps: AppDeps) {
  const maxBytes = deps.config.PHOTO_MAX_BYTES;
  const caps = {
    bytesPerReport: deps.config.PHOTO_BYTES_PER_REPORT,
    bytesPerAddressPerDay: deps.config.PHOTO_BYTES_PER_ADDRESS_PER_DAY,
  };
  const photoDeps = { ...deps, maxBytes, caps };
  const gate = uploadGate(deps.config.PHOTO_UPLOADS_IN_FLIGHT);
  /** Spools the files, runs `work` on them, and always removes the spool files and leaves the gate. */
  const withUpload = async <T>(request: FastifyRequest, work: (upload: SpooledUpload) => Promise<T>): Promise<T> => {
    const leave = gate.enter();
    let upload: SpooledUpload | undefined;
    try {
      upload = await spoolFiles(request, deps.config.UPLOAD_SPOOL_DIR);
      return await work(upload);
    } finally {
      await upload?.remove();
      leave();
    }
  };

  app.register(async (scope: App) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: {
        fileSize: maxBytes,
        files: MAX_PHOTOS_PER_REPORT,
        fields: 0,
        parts: MAX_PHOTOS_PER_REPORT,
        headerPairs: 200,
      },
    });

    const uploadToReport = async (
      request: FastifyRequest<{ Params: { trackingCode: string } }>,
      reply: FastifyReply,
    ) => {
      const addressKey = await uploadAddressKey(deps.db, request.ip);
      const receipt = await withUpload(request, ({ files }) =>
        addReportPhotos(photoDeps, {
          trackingCode: request.params.trackingCode,
          files,
          uploadedBy: request.staff?.id ?? null,
          addressKey,
        }),
      );
      return reply.status(201).send(receipt);
    };
    const uploadSchema = {
      tags,
      summary: `Add up to ${MAX_PHOTOS_PER_REPORT} photos to a report with its tracking code, within an hour of reporting (public). Metadata such as GPS is removed.`,
      consumes: ['multipart/form-data'],
      params: trackingCodeParamsSchema,
      response: { 201: uploadReceiptSchema, ...uploadProblems, 403: problemSchema, 429: problemSchema },
    };
    const uploadRateLimit = {
      rateLimit: { max: deps.config.PHOTO_UPLOAD_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
    };
    // Runs before the handler reads the multipart body, so a refused upload is not buffered first.
    const reportAcceptsPhotos = async (request: FastifyRequest<{ Params: { trackingCode: string } }>) =>
      assertReportAcceptsPhotos(deps, request.params.trackingCode);
    // Public; a signed-in staff member is recorded as the uploader.
    const upload = { config: uploadRateLimit, onRequest: optionalStaff(), preHandler: reportAcceptsPhotos };
    scope.post('/api/v1/public/reports/:trackingCode/photos', { ...upload, schema: uploadSchema }, uploadToReport);
    // The same upload under /reports/{trackingCode}/photos, which the resident form uses. Left out of the
    // OpenAPI document: it is path-equivalent to the staff list /reports/{reportId}/photos there.
    scope.post(
      '/api/v1/reports/:trackingCode/photos',
      { ...upload, schema: { ...uploadSchema, hide: true } },
      uploadToReport,
    );

    scope.post(
      '/api/v1/observations/:observationId/photos',
      {
        preHandler: requireRoles('officer'),
        schema: {
          tags,
          summary: `Add the photo (at most ${MAX_PHOTOS_PER_OBSERVATION}) of your own observation (officer). Metadata such as GPS is removed.`,
          consumes: ['multipart/form-data'],
          params: observationIdParamsSchema,
          response: { 201: photoListSchema, ...uploadProblems, 401: problemSchema, 403: problemSchema },
        },
      },
      async (request, reply) => {
        const photos = await withUpload(request, ({ files }) =>
          addObservationPhoto(photoDeps, currentStaff(request), {
            observationId: request.params.observationId,
            files,
          }),
        );
        return reply.status(201).send(photos);
      },
    );
  });

  app.get(
    '/api/v1/reports/:reportId/photos',
    {
      preHandler: requireRoles(...roles),
      schema: {
        tags,
        summary: 'Photos of a report (staff who may see the report)',
        params: reportIdParamsSchema,
        response: {
          200: photoListSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => listReportPhotos(deps, currentStaff(request), request.params.reportId),
  );

  app.get(
    '/api/v1/observations/:observationId/photos',
    {
      preHandler: requireRoles(...fieldworkReaders),
      schema: {
        tags,
        summary: 'Photos of an observation (officer, coordinator, team manager, analyst)',
        params: observationIdParamsSchema,
        response: {
          200: photoListSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => listObservationPhotos(deps, currentStaff(request), request.params.observationId),
  );

  app.get(
    '/api/v1/photos/:photoId',
    {
      preHandler: requireRoles(...roles),
      schema: {
        tags,
        summary:
          'The image (staff who may see its report or observation). Served inline with nosniff and a restrictive CSP.',
        produces: ['image/jpeg', 'image/png'],
        params: photoIdParamsSchema,
        response: {
          200: z.any().describe('The JPEG or PNG bytes'),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
      // Runs after the app-wide onSend hook, so this stricter policy is the one sent.
      onSend: async (_request, reply, payload) => {
        if (reply.statusCode === 200) reply.header('Content-Security-Policy', PHOTO_CSP);
        return payload;
      },
    },
    async (request, reply) => {
      const photo = await getPhoto(deps, currentStaff(request), request.params.photoId);
      const extension = photo.contentType === 'image/png' ? 'png' : 'jpg';
      return reply
        .type(photo.contentType)
        .header('Content-Disposition', `inline; filename="photo-${photo.id}.${extension}"`)
        .header('X-Content-Type-Options', 'nosniff')
        .send(photo.data);
    },
  );

  registerOfficerPhotoRoutes(app, photoDeps);
}
