import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { outboxBacklog } from '../../domain/outbox/index.ts';
import { withContext } from '../context.ts';

type Print = (line: string) => void;

/** `wijkpost outbox status`: whether mail is on, and what waits or failed, by channel. Counts only, no addresses. */
export async function outboxStatus(
  ctx: { db: Db; clock: Clock; config: Pick<Config, 'SMTP_URL'> },
  print: Print,
): Promise<void> {
  print(ctx.config.SMTP_URL ? 'mail: on (SMTP_URL set)' : 'mail: OFF (SMTP_URL unset): e-mails wait in the outbox');
  const rows = await outboxBacklog(ctx);
  if (!rows.length) print('outbox: nothing pending or failed');
  for (const row of rows.sort((a, b) => `${a.channel}${a.status}`.localeCompare(`${b.channel}${b.status}`))) {
    const age = row.oldest ? Math.round((ctx.clock.now().getTime() - row.oldest.getTime()) / 60_000) : 0;
    print(`${row.channel.padEnd(8)} ${row.status.padEnd(8)} ${String(row.n).padStart(6)}  oldest ${age} min`);
  }
}

export function registerOutboxCommand(program: Command) {
  const command = program.command('outbox').description('the outbox of e-mails and webhooks');
  command
    .command('status')
    .description('whether mail is on, and the messages pending or failed by channel (deliver now: jobs run outbox)')
    .action(() => withContext((ctx) => outboxStatus(ctx, (line) => console.log(line))));
}
