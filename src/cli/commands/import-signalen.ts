/**
 * `wijkpost import signalen FILE [--mapping FILE] [--municipality GM0392]`: takes a Signalen signals dump over (see
 * README, "Moving from Signalen"). Reads the file as a stream with a progress bar over its bytes, and ends with a
 * summary: imported, and every skipped signal with its reason (only the count of those already imported, unless
 * --verbose). Never prints a signal's text or reporter contact.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { Db } from '../../db/db.ts';
import {
  importSignalen,
  listMunicipalityCodes,
  parseCategoryMapping,
  readSignals,
  type SignalenImportSummary,
} from '../../domain/signalen/index.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';
import { progressBar } from '../progress.ts';

export interface ImportSignalenCliOptions {
  mapping?: string;
  municipality?: string;
  batchSize?: string;
  verbose?: boolean;
  /** Tests: no progress bar. */
  quiet?: boolean;
}

type Print = (line: string) => void;

export async function importSignalenCommand(
  ctx: { db: Db; clock: Clock },
  print: Print,
  file: string,
  options: ImportSignalenCliOptions,
): Promise<SignalenImportSummary> {
  for (const [what, path] of [
    ['Signalen file', file],
    ['mapping file', options.mapping],
  ] as const)
    if (path !== undefined && !existsSync(path))
      throw new DomainError('validation', `The ${what} ${path} does not exist.`);
  const municipalityCode = options.municipality ?? (await onlyMunicipality(ctx.db));
  const mapping = options.mapping ? parseCategoryMapping(readFileSync(options.mapping, 'utf8'), options.mapping) : null;
  const kilobytes = Math.max(1, Math.ceil(statSync(file).size / 1024));
  const bar = options.quiet ? undefined : progressBar('importing Signalen (kB)', kilobytes);
  let bytes = 0;
  async function* counted() {
    for await (const chunk of createReadStream(file, { highWaterMark: 256 * 1024 })) {
      bytes += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
  }
  try {
    const summary = await importSignalen(
      ctx,
      {
        municipalityCode,
        mapping,
        ...(options.batchSize ? { batchSize: Number(options.batchSize) } : {}),
        // The reader runs ahead of the batches by at most a chunk: the bar reaches its end with the last batch.
        onBatch: () => bar?.update(Math.min(kilobytes, Math.ceil(bytes / 1024))),
      },
      readSignals(counted()),
    );
    bar?.stop();
    printSummary(print, summary, options.verbose ?? false);
    return summary;
  } catch (error) {
    bar?.stop();
    throw error;
  }
}

async function onlyMunicipality(db: Db): Promise<string> {
  const codes = await listMunicipalityCodes(db);
  if (codes.length === 1) return codes[0]!;
  throw new DomainError(
    'validation',
    codes.length === 0
      ? 'The database has no municipality yet: run `wijkpost import-geography` (or `seed --demo`) first.'
      : `The database has ${codes.length} municipalities (${codes.join(', ')}): say which with --municipality.`,
  );
}

export function printSummary(print: Print, summary: SignalenImportSummary, verbose: boolean) {
  print(
    `${summary.municipalityCode}: ${summary.read} signal(s) read, ${summary.imported} imported, ${summary.skipped.length} skipped.`,
  );
  for (const [code, count] of Object.entries(summary.skippedByCode)) print(`  skipped ${code}: ${count}`);
  for (const skipped of summary.skipped) {
    if (skipped.code === 'already_imported' && !verbose) continue;
    print(
      `  #${skipped.position}${skipped.id === null ? '' : ` (id ${skipped.id})`}: ${skipped.code}: ${skipped.reason}`,
    );
  }
}

export function registerImportSignalenCommand(program: Command) {
  const importCommand = program.command('import').description('take reports over from another system');
  importCommand
    .command('signalen')
    .description(
      'import a Signalen signals dump (JSON: pages of signals/v1/private/signals, or an array of signals) as reports; re-running it adds nothing',
    )
    .argument('<file>', 'Signalen JSON')
    .option('--mapping <file>', 'category mapping, JSON or CSV: Signalen main/sub slug → Wijkpost subcategory code')
    .option('--municipality <code>', 'CBS municipality code, e.g. GM0392 (default: the only one in the database)')
    .option('--batch-size <n>', 'signals per transaction', '500')
    .option('--verbose', 'also list every signal skipped because it was already imported')
    .action(async (file: string, options: ImportSignalenCliOptions) => {
      try {
        await withContext((ctx) => importSignalenCommand(ctx, console.log, file, options));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        console.error(`Import stopped: ${error.detail}`);
        for (const problem of error.fieldProblems) console.error(`  ${problem.name}: ${problem.reason}`);
        console.error('Batches already committed (if any) stay; the same command again continues after them.');
        process.exitCode = 1;
      }
    });
}
