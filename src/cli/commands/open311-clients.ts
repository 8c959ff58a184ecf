import type { Command } from 'commander';
import type { Db } from '../../db/db.ts';
import { createOpen311Client, listOpen311Clients, revokeOpen311Client } from '../../domain/open311/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';

type Ctx = { db: Db; clock: Clock };
type Print = (line: string) => void;

export async function open311ClientsCreate(ctx: Ctx, print: Print, name: string) {
  const { client, key } = await createOpen311Client(ctx, name);
  print(`Created Open311 client ${client.name}.`);
  print(`api_key (shown once, only its hash is stored): ${key}`);
}

export async function open311ClientsList(ctx: Ctx, print: Print) {
  const clients = await listOpen311Clients(ctx);
  for (const client of clients) {
    const state = client.revokedAt ? `revoked ${client.revokedAt.toISOString()}` : 'active';
    print(`${client.name.padEnd(32)} created ${client.createdAt.toISOString()}  ${state}`);
  }
  print(`${clients.length} Open311 client(s).`);
}

export async function open311ClientsRevoke(ctx: Ctx, print: Print, name: string) {
  const client = await revokeOpen311Client(ctx, name);
  print(`Revoked Open311 client ${client.name}: its api_key no longer works.`);
}

function action<A extends unknown[]>(run: (ctx: Ctx, print: Print, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await withContext((ctx) => run(ctx, console.log, ...args));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(error.detail);
      process.exitCode = 1;
    }
  };
}

export function registerOpen311ClientsCommand(program: Command) {
  const clients = program.command('open311-clients').description('manage the API keys of Open311 clients');
  clients
    .command('create <name>')
    .description('register a client and print its api_key once (lower-case name, e.g. buitenbeter)')
    .action(action((ctx, print, name: string) => open311ClientsCreate(ctx, print, name)));
  clients
    .command('list')
    .description('list the clients (never their keys)')
    .action(action((ctx, print) => open311ClientsList(ctx, print)));
  clients
    .command('revoke <name>')
    .description("stop a client's api_key at once")
    .action(action((ctx, print, name: string) => open311ClientsRevoke(ctx, print, name)));
}
