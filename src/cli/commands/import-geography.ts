import type { Command } from 'commander';
import {
  importGeographyFromFiles,
  importGeographyFromSource,
  type GeographyImportResult,
} from '../../domain/geography/index.ts';
import { PdokCbsClient } from '../../integrations/pdok-cbs.ts';
import { DomainError } from '../../shared/errors.ts';
import { describeDatabase, withContext } from '../context.ts';
import { progressBar } from '../progress.ts';

interface ImportOptions {
  districts?: string;
  neighbourhoods?: string;
  boroughs?: string;
  municipality?: string;
  fromPdok?: boolean;
  name?: string;
  slug?: string;
  jurisdictionId?: string;
}

function printResult(result: GeographyImportResult, where: string) {
  console.log(
    `${where}: ${result.municipalityCode} — ${result.boroughs} borough(s), ${result.districts} district(s), ${result.neighbourhoods} neighbourhood(s) imported.`,
  );
  for (const skipped of result.skipped) console.log(`  skipped ${skipped.code}: ${skipped.reason}`);
}

async function runImport(options: ImportOptions) {
  if (Boolean(options.fromPdok) === Boolean(options.districts)) {
    console.error(
      'Give either --districts FILE [--neighbourhoods FILE] [--boroughs FILE], or --municipality GM0392 --from-pdok.',
    );
    process.exitCode = 2;
    return;
  }
  if (options.fromPdok && !options.municipality) {
    console.error('--from-pdok needs --municipality (e.g. GM0392).');
    process.exitCode = 2;
    return;
  }
  const municipality = {
    code: options.municipality,
    name: options.name,
    slug: options.slug,
    jurisdictionId: options.jurisdictionId ?? null,
  };
  await withContext(async ({ db, config }) => {
    const bar = { current: undefined as ReturnType<typeof progressBar> | undefined };
    const onProgress = (done: number, total: number) => {
      bar.current ??= progressBar('importing geography', total);
      bar.current.update(done);
    };
    try {
      const result = options.fromPdok
        ? await importGeographyFromSource(
            { db, source: new PdokCbsClient({ baseUrl: config.PDOK_CBS_WFS_URL }) },
            { ...municipality, code: options.municipality! },
            onProgress,
          )
        : await importGeographyFromFiles(
            { db },
            { districts: options.districts!, neighbourhoods: options.neighbourhoods, boroughs: options.boroughs },
            municipality,
            onProgress,
          );
      bar.current?.stop();
      printResult(result, describeDatabase(config));
    } catch (error) {
      bar.current?.stop();
      if (!(error instanceof DomainError)) throw error;
      console.error(`Import failed, nothing was changed: ${error.detail}`);
      for (const problem of error.fieldProblems) console.error(`  ${problem.name}: ${problem.reason}`);
      process.exitCode = 1;
    }
  });
}

export function registerImportGeographyCommand(program: Command) {
  program
    .command('import-geography')
    .description(
      'load a municipality with its boroughs, districts (wijken) and neighbourhoods (buurten) from CBS GeoJSON files or from PDOK',
    )
    .option('--districts <file>', 'CBS wijken GeoJSON (CRS84 or RD New, per its crs member)')
    .option('--neighbourhoods <file>', 'CBS buurten GeoJSON')
    .option('--boroughs <file>', 'boroughs GeoJSON: properties stadsdeel and wijken (comma-separated wijkcodes)')
    .option('--municipality <code>', 'CBS municipality code, e.g. GM0392')
    .option('--from-pdok', 'download the wijken and buurten of --municipality from the PDOK CBS WFS (PDOK_CBS_WFS_URL)')
    .option('--name <name>', 'municipality name (default: gemeentenaam in the data)')
    .option('--slug <slug>', 'municipality slug (default: derived from the name)')
    .option('--jurisdiction-id <id>', 'Open311 jurisdiction_id, e.g. haarlem.nl')
    .action((options: ImportOptions) => runImport(options));
}
