#!/usr/bin/env node
// Runs every test file with node's test runner, on PGlite by default or on the
// PostgreSQL server in DATABASE_URL. The template databases are built once per run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));

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

// The browser stories drive Debian's Chromium; on a fresh machine (as root) install it once.
if (files.some((f) => f.includes('/test/browser/')) && !existsSync('/usr/bin/chromium')) {
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
console.log(`Wijkpost tests on ${databaseUrl ? 'PostgreSQL server' : 'PGlite (embedded)'}: ${files.length} files`);
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

const run = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      WIJKPOST_TEST_TEMPLATE: templates.demo,
      WIJKPOST_TEST_EMPTY_TEMPLATE: templates.empty,
      LOG_LEVEL: 'silent',
    },
  },
);

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
