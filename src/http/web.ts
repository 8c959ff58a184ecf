import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { findMunicipalityTimeZone } from '../domain/geography/index.ts';
import { API_PREFIX } from './app.ts';
import type { App, AppDeps } from './deps.ts';
import { OIDC_LOGIN_PATH } from './oidc.ts';
import { WEB_DIST } from './web-build.ts';

/** Limits the resident form checks before sending; the photo endpoint enforces the same (PHOTO_MAX_BYTES, 3 a report). */
export const PHOTO_MAX_COUNT = 3;
export const DESCRIPTION_MAX_LENGTH = 1000;

const uiConfigSchema = z.object({
  municipalityCode: z.string(),
  municipalityName: z.string(),
  timeZone: z
    .string()
    .nullable()
    .describe("The municipality's IANA time zone for dates and times; null while the municipality is not imported"),
  mapTileUrl: z.string().nullable().describe('XYZ tile URL template; null = no background map'),
  mapAttribution: z.string(),
  photoMaxBytes: z.number().int(),
  photoMaxCount: z.number().int(),
  descriptionMaxLength: z.number().int(),
  passwordSignIn: z.boolean().describe('false: staff sign in through single sign-on only'),
  singleSignOn: z
    .object({
      providerName: z.string().describe('For the button "Inloggen met …"'),
      url: z.string().describe('Where the browser starts signing in (a redirect to the identity provider)'),
    })
    .nullable()
    .describe('null: no single sign-on configured'),
});
export type UiConfig = z.infer<typeof uiConfigSchema>;

/** The origin of a tile URL template for the CSP; `{s}` subdomains become a wildcard. */
export function tileSource(tileUrl: string): string | null {
  const match = /^(https?:)\/\/([^/?#]+)/.exec(tileUrl.trim());
  if (!match) return null;
  const host = match[2]!.replace(/\{s\}/g, '*');
  if (/[{}]/.test(host)) return match[1]!;
  return `${match[1]}//${host}`;
}

/** An empty variable means "the default" to the config parser, so `none` (or `off`) turns the background map off. */
export function backgroundTileUrl(configured: string): string {
  const value = configured.trim();
  return ['none', 'off'].includes(value.toLowerCase()) ? '' : value;
}

export function contentSecurityPolicy(tileUrl: string): string {
  const tiles = tileUrl ? tileSource(tileUrl) : null;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ''}`,
    "connect-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export interface WebUiOptions {
  /** The built UI; default web/dist. */
  distDir?: string;
}

/**
 * The web UI: GET /api/v1/ui-config, the built files with long caching for hashed assets,
 * index.html for every other non-API path (client-side routes), and a strict CSP on all of it.
 * Passed to buildApp as its `extend` option.
 */
export async function registerWebUi(app: App, deps: AppDeps, options: WebUiOptions = {}): Promise<void> {
  const distDir = options.distDir ?? WEB_DIST;
  const tileUrl = backgroundTileUrl(deps.config.MAP_TILE_URL);
  const csp = contentSecurityPolicy(tileUrl);

  app.get(
    `${API_PREFIX}/ui-config`,
    {
      schema: {
        tags: ['system'],
        summary: 'Public settings the web UI needs (map background, form limits)',
        response: { 200: uiConfigSchema },
      },
    },
    async () => ({
      municipalityCode: deps.config.UI_MUNICIPALITY_CODE,
      municipalityName: deps.config.UI_MUNICIPALITY_NAME,
      timeZone: (await findMunicipalityTimeZone(deps.db, deps.config.UI_MUNICIPALITY_CODE)) ?? null,
      mapTileUrl: tileUrl || null,
      mapAttribution: deps.config.MAP_TILE_ATTRIBUTION,
      photoMaxBytes: deps.config.PHOTO_MAX_BYTES,
      photoMaxCount: PHOTO_MAX_COUNT,
      descriptionMaxLength: DESCRIPTION_MAX_LENGTH,
      passwordSignIn: deps.config.PASSWORD_SIGN_IN_ENABLED,
      singleSignOn: deps.config.OIDC_ISSUER
        ? { providerName: deps.config.OIDC_DISPLAY_NAME, url: OIDC_LOGIN_PATH }
        : null,
    }),
  );

  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/')) {
      reply.header('Content-Security-Policy', csp);
      reply.header('Permissions-Policy', 'geolocation=(self), camera=(), microphone=()');
    }
    return payload;
  });

  if (!existsSync(join(distDir, 'index.html'))) {
    app.log.warn(`No built web UI in ${distDir}; run \`npm run build:web\`.`);
    return;
  }

  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      // Vite puts a content hash in every asset name: cache those forever, never the page itself.
      reply.header(
        'Cache-Control',
        path.includes(`${join(distDir, 'assets')}/`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // API paths and missing files keep their 404; everything else is a client-side route.
    if (path.startsWith('/api/') || /\.[a-z0-9]+$/i.test(path)) return reply.callNotFound();
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html');
  });
}
