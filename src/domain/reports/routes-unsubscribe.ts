/**
 * Unsubscribing a follower, one click from the e-mail. Mail clients POST the List-Unsubscribe URL with the form
 * body `List-Unsubscribe=One-Click` (RFC 8058), so this scope parses form bodies. The link in the e-mail's text
 * opens `/afmelden`, a small page outside the API whose button POSTs: a GET never unsubscribes, so link scanners
 * that open every link in a message do not unsubscribe anyone.
 */
import formbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { type App, type AppDeps, problemSchema } from '../../http/route-kit.ts';
import { DomainError } from '../../shared/errors.ts';
import { unfollowReport } from './unfollow-report.ts';

const tokenQuerySchema = z.object({
  token: z
    .string()
    .min(1)
    .max(200)
    .describe('The signed token from the e-mail')
    .meta({ example: '00000000-0000-4000-8000-000000000000.c2lnbmF0dXJl' }),
});
const unsubscribedSchema = z.object({ unsubscribed: z.literal(true) });

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .header('Referrer-Policy', 'no-referrer')
    .send(
      `<!DOCTYPE html>\n<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>Afmelden — Wijkpost</title></head><body style="font-family: sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5">` +
        `<main>${body}</main></body></html>`,
    );
}

export async function registerUnsubscribeRoutes(app: App, deps: AppDeps): Promise<void> {
  await app.register(async (scoped: App) => {
    await scoped.register(formbody);
    const unfollow = (token: string) =>
      unfollowReport({ db: deps.db, linkSecret: deps.config.LINK_SIGNING_SECRET }, token);

    scoped.post(
      '/api/v1/public/report-followers/unsubscribe',
      {
        config: { rateLimit: { max: deps.config.FOLLOW_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: 'Stop following a report (one-click unsubscribe, RFC 8058): the List-Unsubscribe URL of the e-mails',
          querystring: tokenQuerySchema,
          response: { 200: unsubscribedSchema, 404: problemSchema },
        },
      },
      async (request) => unfollow(request.query.token),
    );

    scoped.get('/afmelden', { schema: { hide: true } }, async (request, reply) => {
      const token = String((request.query as { token?: unknown }).token ?? '');
      return page(
        reply,
        200,
        `<h1>Geen berichten meer over deze melding?</h1>` +
          `<form method="post" action="/afmelden"><input type="hidden" name="token" value="${escapeHtml(token)}">` +
          `<p><button type="submit">Afmelden</button></p></form>` +
          `<div lang="en"><h2>No more messages about this report?</h2><p>Press “Afmelden” above to unsubscribe.</p></div>`,
      );
    });

    scoped.post(
      '/afmelden',
      {
        schema: { hide: true },
        config: { rateLimit: { max: deps.config.FOLLOW_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      },
      async (request, reply) => {
        const token = String((request.body as { token?: unknown } | null)?.token ?? '');
        try {
          await unfollow(token);
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          return page(reply, 404, `<h1>Deze link werkt niet</h1><p lang="en">This link does not work.</p>`);
        }
        return page(
          reply,
          200,
          `<h1>U bent afgemeld</h1><p>U krijgt geen berichten meer over deze melding.</p>` +
            `<div lang="en"><h2>You have been unsubscribed</h2><p>You will receive no more messages about this report.</p></div>`,
        );
      },
    );
  });
}
