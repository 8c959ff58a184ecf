import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import type { Clock } from '../shared/clock.ts';

/** Everything the HTTP adapter hands to use cases. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: Config;
  /** Set by the serving process on PGlite: `wijkpost backup` asks it for a consistent copy (src/http/backup.ts). */
  backup?: { token: string; dump(): Promise<Buffer> };
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;
