import type { Command } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { loadConfig } from '../../config.ts';
import type { Db } from '../../db/db.ts';
import { buildApp } from '../../http/app.ts';
import { registerWebUi } from '../../http/web.ts';
import { systemClock } from '../../shared/clock.ts';

/** Building the app reads no data, so the document needs no database: this one refuses every statement. */
const noDatabase: Db = {
  kind: 'postgres',
  query: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  transaction: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  exec: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  withSession: () => Promise.reject(new Error('the OpenAPI document needs no database')),
  close: () => Promise.resolve(),
};

/** The document GET /api/v1/openapi.json serves, from the same app (web UI included), without a server. */
export async function openApiDocument(): Promise<unknown> {
  const deps = { db: noDatabase, clock: systemClock, config: loadConfig() };
  const app = await buildApp(deps, { extend: (instance) => registerWebUi(instance, deps) });
  try {
    return app.swagger();
  } finally {
    await app.close();
  }
}

export function registerOpenApiCommand(program: Command) {
  program
    .command('openapi')
    .description('print the OpenAPI document of the API (no database or server needed)')
    .option('-o, --output <file>', 'write it to this file instead of standard output')
    .action(async (options: { output?: string }) => {
      const text = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
      if (!options.output) return void process.stdout.write(text);
      await mkdir(dirname(options.output), { recursive: true });
      await writeFile(options.output, text);
      console.error(`Wrote ${options.output}`);
    });
}
