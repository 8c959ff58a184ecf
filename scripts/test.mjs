#!/usr/bin/env node
// Runs every test file with node's test runner, on PGlite by default or on the
// PostgreSQL server in DATABASE_URL. The template databases are built once per run.
//   npm test -- <path fragment> …    only the files whose path contains one of the fragments
//   --no-browser (or WIJKPOST_TEST_BROWSER=0)   leave out the files that drive Chromium (CI runs them once)
//   --refresh-screenshots (or REFRESH_SCREENSHOTS=1)   the browser stories write the README's screenshots
//     into docs/screenshots; otherwise into the git-ignored test-results/screenshots
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
const unknown = args.filter((a) => a.startsWith('--') && !['--no-browser', '--refresh-screenshots'].includes(a));
if (unknown.length) {
  console.error(`Unknown option ${unknown.join(' ')}: use --no-browser, --refresh-screenshots or path fragments.`);
  process.exit(2);
}
const withBrowser = !args.includes('--no-browser') && process.env.WIJKPOST_TEST_BROWSER !== '0';
const refreshScreenshots = args.includes('--refresh-screenshots') || process.env.REFRESH_SCREENSHOTS === '1';

/** Files that drive Chromium: the browser stories and the worklist-map benchmark helper. */
const needsBrowser = (file) => file.includes('/test/browser/') || file.endsWith('/test/bench/web-worklist.test.ts');

/**
 * The slowest files, slowest first (measured on the 2-core machine): node's runner starts files in the
 * order given, so starting these first keeps both workers busy to the end instead of one finishing a
 * long browser story alone. Every other file follows in path order.
 */
const slowestFirst = [
  'test/browser/analyst.test.ts',
  'test/browser/resident-report.test.ts',
  'test/browser/staff-officer.test.ts',
  'test/browser/staff-phone-intake.test.ts',
  'test/browser/staff-team.test.ts',
  'test/browser/resident-my-district.test.ts',
  'test/bench/web-worklist.test.ts',
  'test/durability/crash-burst.test.ts',
  'test/durability/durability.test.ts',
  'test/authz/hostile-input.test.ts',
  'test/authz/authz.test.ts',
  'test/bench/intake.test.ts',
];
const rank = (file) => {
  const index = slowestFirst.findIndex((slow) => file.endsWith(slow));
  return index === -1 ? slowestFirst.length : index;
};

function findTests(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (entry.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

let files = [...findTests(join(root, 'src')), ...findTests(join(root, 'test'))].sort();
if (only.length) files = files.filter((f) => only.some((o) => f.includes(o)));
/**
 * Files in test/exclusive/ disturb everything else (they restart the PostgreSQL server), so they run after all
 * other files, one at a time.
 */
const isExclusive = (file) => file.includes('/test/exclusive/');
const exclusive = files.filter(isExclusive);
files = files.filter((f) => !isExclusive(f));
const leftOut = withBrowser ? [] : files.filter(needsBrowser);
files = files.filter((f) => !leftOut.includes(f)).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));

/**
 * Node's runner starts a process per file, and every process pays again for node, the TypeScript loader and
 * the app's module graph (about 1.3 s of CPU, measured): a quarter of the suite's CPU time on this 2-core
 * machine. So the files that only need a database run several to a process, from a generated entry that
 * imports them one after the other; each still opens its own database copy and its suites still run one
 * after the other. The slowest files (browser stories, benchmarks helpers, the crash test, which start
 * processes of their own) keep a process each.
 */
const FILES_PER_BATCH = 6;
function inBatches(all) {
  // Every browser story drives its own Chromium and takes long: a process of its own, like the slowest files.
  const alone = all.filter((f) => rank(f) < slowestFirst.length || needsBrowser(f));
  const batched = all.filter((f) => !alone.includes(f));
  if (batched.length <= 1) return all;
  const dir = join(root, '.test-cache', 'batches');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const count = Math.ceil(batched.length / FILES_PER_BATCH);
  const entries = [];
  for (let b = 0; b < count; b++) {
    // Round-robin over the path order, so one area's slow files spread over several batches.
    const members = batched.filter((_, i) => i % count === b);
    const entry = join(dir, `batch-${String(b + 1).padStart(2, '0')}.test.mjs`);
    const imports = members.map((f) => `await import(${JSON.stringify(pathToFileURL(f).href)});`).join('\n');
    writeFileSync(
      entry,
      `// Generated by scripts/test.mjs: ${members.length} test files in one process.\n${imports}\n`,
    );
    entries.push(entry);
  }
  return [...alone, ...entries];
}

// The browser stories drive Debian's Chromium; on a fresh machine (as root) install it once.
if (files.some(needsBrowser) && !existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() === 0) {
    console.log("Installing Debian's chromium for the browser tests …");
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  }
  if (!existsSync('/usr/bin/chromium')) {
    console.error('The browser tests need /usr/bin/chromium: run `apt-get install -y chromium` as root.');
    process.exit(1);
  }
}

const databaseUrl = process.env.DATABASE_URL || undefined;
console.log(
  `Wijkpost tests on ${databaseUrl ? 'PostgreSQL server' : 'PGlite (embedded)'}, Node ${process.version}: ${files.length + exclusive.length} files` +
    (leftOut.length ? ` (${leftOut.length} that drive Chromium left out: --no-browser)` : ''),
);
const build = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'test/support/build-template.ts'), join(root, '.test-cache')],
  {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
if (build.status !== 0) {
  console.error('Could not build the template database.');
  process.exit(build.status ?? 1);
}
// Two templates: the Haarlem demo (what openTestDb() copies) and the migrated schema alone ({ empty: true }).
const templates = JSON.parse(build.stdout.trim());

const testEnv = {
  ...process.env,
  WIJKPOST_TEST_TEMPLATE: templates.demo,
  WIJKPOST_TEST_EMPTY_TEMPLATE: templates.empty,
  ...(templates.postgisBundle ? { WIJKPOST_TEST_POSTGIS_BUNDLE: templates.postgisBundle } : {}),
  WIJKPOST_SCREENSHOT_DIR: join(root, refreshScreenshots ? 'docs/screenshots' : 'test-results/screenshots'),
  LOG_LEVEL: 'silent',
};
const runTests = (list, concurrency) =>
  list.length === 0
    ? { status: 0 }
    : spawnSync(
        process.execPath,
        ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...list],
        { cwd: root, stdio: 'inherit', env: testEnv },
      );
const main = runTests(inBatches(files), 2);
if (exclusive.length) console.log(`Then, one at a time: ${exclusive.map((f) => f.slice(root.length)).join(', ')}`);
const alone = runTests(exclusive, 1);
const run = { status: main.status || alone.status };

if (databaseUrl) {
  for (const template of [templates.demo, templates.empty]) {
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./test/support/template.ts').then(m => m.dropTemplate(${JSON.stringify(databaseUrl)}, ${JSON.stringify(template)}))`,
      ],
      { cwd: root, stdio: 'inherit' },
    );
  }
}
process.exit(run.status ?? 1);
