/**
 * GET /ops/backup: the serving process's copy of its embedded database, for `wijkpost backup` while it serves.
 * Only PGlite's own process may read its files, so the CLI asks it. The token is random per start and written
 * (mode 0600) beside the data directory, so whoever may read the database files may take a backup, and nobody
 * else; without it, 401. Not part of /api/v1 and not in the OpenAPI document.
 */
import { timingSafeEqual } from 'node:crypto';
import type { App, AppDeps } from './deps.ts';
import { sendProblem } from './problem.ts';

export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function registerBackupRoute(app: App, deps: AppDeps): void {
  const backup = deps.backup;
  if (!backup) return;
  app.get('/ops/backup', { schema: { hide: true } }, async (request, reply) => {
    if (!bearerMatches(request.headers.authorization, backup.token))
      return sendProblem(reply, request, {
        status: 401,
        title: 'Unauthorized',
        detail: 'The ops token is missing or wrong.',
      });
    const data = await backup.dump();
    reply.header('Content-Type', 'application/gzip');
    reply.header('Cache-Control', 'no-store');
    return reply.send(data);
  });
}
