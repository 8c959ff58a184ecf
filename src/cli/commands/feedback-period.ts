import type { Command } from 'commander';
import type { Db } from '../../db/db.ts';
import { listFeedbackPeriods, setFeedbackReopenDays } from '../../domain/feedback/index.ts';
import { DomainError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';

type Print = (line: string) => void;

/**
 * `wijkpost feedback-period [--municipality CODE --days N]`: how many days after resolution a reporter's
 * "not solved" still reopens a report; sets one municipality's when given, then prints every municipality's.
 */
export async function feedbackPeriod(
  ctx: { db: Db },
  print: Print,
  options: { municipality?: string; days?: string },
): Promise<boolean> {
  if (options.days !== undefined) {
    if (!options.municipality) {
      print('Name the municipality: --municipality GM0392.');
      return false;
    }
    try {
      await setFeedbackReopenDays(ctx, { municipalityCode: options.municipality, days: Number(options.days) });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      print(error.detail);
      return false;
    }
  }
  for (const period of await listFeedbackPeriods(ctx)) {
    print(`${period.municipalityCode}  "not solved" reopens within ${period.days} days of resolution`);
  }
  return true;
}

export function registerFeedbackPeriodCommand(program: Command) {
  program
    .command('feedback-period')
    .description('show how long after resolution a reporter\'s "not solved" reopens a report, or set it')
    .option('--municipality <code>', 'the municipality to change, e.g. GM0392')
    .option('--days <days>', 'days after resolution, 0 to 365 (default 14)')
    .action(async (options: { municipality?: string; days?: string }) => {
      const ok = await withContext((ctx) => feedbackPeriod(ctx, (line) => console.log(line), options));
      if (!ok) process.exitCode = 1;
    });
}
