/**
 * What a 1 MB JSON body costs the event loop: nested `[[[[…]]]]` against flat bodies of the same size (one long
 * string; an array of 250,000 numbers), through Wijkpost's JSON parser (src/http/json-body.ts: a depth check in
 * one pass, then Fastify's parser) and, as the baseline it replaced, Fastify's own parser, both in the same run
 * on a route that takes 1 MB (like the routing rules; other routes refuse such a body with 413 unread).
 * The figure is the event loop's active time per request (performance.eventLoopUtilization), median of rounds
 * that alternate between the cases. Runs alone with `npx tsx bench/nested-json.ts`.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerJsonBodyParser } from '../src/http/json-body.ts';
import { errorHandler } from '../src/http/problem.ts';

const SIZE = 1024 * 1024 - 64;

export const bodies = {
  nested: '['.repeat(SIZE / 2) + ']'.repeat(SIZE / 2),
  flatString: `{"text":"${'x'.repeat(SIZE - 12)}"}`,
  flatNumbers: `[${Array.from({ length: SIZE / 4 }, () => '0').join(',')}]`,
};
type BodyName = keyof typeof bodies;

async function server(withDepthCheck: boolean): Promise<FastifyInstance> {
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.setErrorHandler(errorHandler);
  if (withDepthCheck) registerJsonBodyParser(app);
  app.post('/', async (_request, reply) => reply.status(204).send());
  await app.ready();
  return app;
}

/** Event-loop active milliseconds per request, and the status it got. */
async function cost(app: FastifyInstance, body: string, requests: number): Promise<{ ms: number; status: number }> {
  let status = 0;
  const start = performance.eventLoopUtilization();
  for (let i = 0; i < requests; i++) {
    const response = await app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    status = response.statusCode;
  }
  return { ms: performance.eventLoopUtilization(start).active / requests, status };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface NestedJsonResult {
  parser: string;
  body: BodyName;
  status: number;
  ms: number;
}

export async function benchNestedJson(rounds = 7, requests = 5): Promise<NestedJsonResult[]> {
  const parsers = [
    { parser: 'Wijkpost (depth check)', app: await server(true) },
    { parser: 'Fastify default (before)', app: await server(false) },
  ];
  const samples = new Map<string, { status: number; ms: number[] }>();
  for (let round = 0; round < rounds; round++) {
    for (const { parser, app } of parsers) {
      for (const name of Object.keys(bodies) as BodyName[]) {
        const { ms, status } = await cost(app, bodies[name], requests);
        const key = `${parser}|${name}`;
        const entry = samples.get(key) ?? { status, ms: [] };
        entry.ms.push(ms);
        samples.set(key, entry);
      }
    }
  }
  for (const { app } of parsers) await app.close();
  return [...samples].map(([key, { status, ms }]) => {
    const [parser, body] = key.split('|') as [string, BodyName];
    return { parser, body, status, ms: median(ms) };
  });
}

export function printNestedJson(results: NestedJsonResult[]): void {
  console.log('\n1 MB JSON bodies: event-loop active time per request (median of rounds)');
  for (const parser of new Set(results.map((r) => r.parser))) {
    const of = (body: BodyName) => results.find((r) => r.parser === parser && r.body === body)!;
    const flat = Math.max(of('flatString').ms, of('flatNumbers').ms);
    for (const body of Object.keys(bodies) as BodyName[]) {
      const r = of(body);
      console.log(`  ${parser.padEnd(26)} ${body.padEnd(12)} ${r.status}  ${r.ms.toFixed(2).padStart(8)} ms`);
    }
    console.log(`  ${parser.padEnd(26)} nested / costliest flat: ${(of('nested').ms / flat).toFixed(2)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printNestedJson(await benchNestedJson());
