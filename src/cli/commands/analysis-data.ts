/**
 * `wijkpost import-survey FILE --municipality GM0392` and `wijkpost plan --week YYYY-MM-DD --municipality GM0392`:
 * the analyst's data jobs without the web screens (the same use cases as the API).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../../db/db.ts';
import { generatePatrolPlans } from '../../domain/analysis/generate-patrol-plans.ts';
import { importSurvey } from '../../domain/analysis/survey-import.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';

type Ctx = { db: Db; clock: Clock };
type Print = (line: string) => void;

export async function importSurveyCommand(ctx: Ctx, print: Print, file: string, options: { municipality: string }) {
  const result = await importSurvey(ctx, options.municipality, readFileSync(file, 'utf8'), null);
  print(
    `Imported ${result.imported} survey row(s) for ${result.years.join(', ')} in ${options.municipality}; ${result.replaced} earlier row(s) replaced.`,
  );
}

export async function planCommand(
  ctx: Ctx,
  print: Print,
  options: { week: string; municipality: string; method?: string },
) {
  const result = await generatePatrolPlans(
    ctx,
    { municipalityCode: options.municipality, userId: null },
    { weekStart: options.week, ...(options.method ? { method: options.method } : {}) },
  );
  for (const plan of result.plans) print(`${plan.officer.name.padEnd(24)} ${plan.visits.length} visit(s)`);
  print(
    `${result.plans.length} plan(s) for the week of ${result.weekStartDate}; ${result.replaced} replaced, ${result.kept} kept (already started).`,
  );
}

async function run(fn: (ctx: Ctx) => Promise<void>) {
  try {
    await withContext(fn);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(error.detail);
    for (const problem of error.fieldProblems) console.error(`  ${problem.name}: ${problem.reason}`);
    process.exitCode = 1;
  }
}

export function registerAnalysisDataCommands(program: Command) {
  program
    .command('import-survey')
    .description(
      'Import the yearly resident survey per district from CSV (year,districtCode,question,share,respondents)',
    )
    .argument('<file>', 'CSV file')
    .requiredOption('--municipality <code>', 'CBS municipality code, e.g. GM0392')
    .action((file: string, options: { municipality: string }) =>
      run((ctx) => importSurveyCommand(ctx, console.log, file, options)),
    );
  program
    .command('plan')
    .description("Generate every officer's patrol plan for the week (replaces the week's unstarted plans)")
    .requiredOption('--week <date>', 'Monday of the week, YYYY-MM-DD')
    .requiredOption('--municipality <code>', 'CBS municipality code, e.g. GM0392')
    .option('--method <name>', 'forecast method (default: the one the backtest chooses)')
    .action((options: { week: string; municipality: string; method?: string }) =>
      run((ctx) => planCommand(ctx, console.log, options)),
    );
}
