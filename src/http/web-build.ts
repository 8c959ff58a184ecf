/**
 * Builds the web UI (web/ → web/dist) when it is missing or older than its sources, so `npm start`
 * and the browser tests always serve the current UI without building it more than once.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export const WEB_ROOT = new URL('../../web/', import.meta.url).pathname;
export const WEB_DIST = join(WEB_ROOT, 'dist');
const LOCK_DIR = join(WEB_ROOT, '.build-lock');
const COMPRESSIBLE = /\.(js|css|html|svg|json|map)$/;

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Why web/dist needs a build, or null when it is fresh. */
export function webBuildReason(): string | null {
  const builtIndex = join(WEB_DIST, 'index.html');
  if (!existsSync(builtIndex)) return 'web/dist is missing';
  const built = statSync(builtIndex).mtimeMs;
  const sources = ['src', 'index.html', 'vite.config.ts', '../package-lock.json']
    .map((p) => join(WEB_ROOT, p))
    .filter(existsSync);
  return sources.some((source) => newestMtime(source) > built) ? 'web/dist is older than its sources' : null;
}

/** Brotli and gzip copies beside each text asset; @fastify/static serves them by Accept-Encoding. */
function precompress(dir: string) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) precompress(path);
    else if (COMPRESSIBLE.test(entry) && statSync(path).size > 1024) {
      const content = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }));
      writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
    }
  }
}

async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      // Another process (a parallel test file) is building; a lock older than 5 minutes is left over from a crash.
      if (existsSync(LOCK_DIR) && Date.now() - statSync(LOCK_DIR).mtimeMs > 300_000)
        rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() - started > 300_000) throw new Error(`Timed out waiting for the web build lock ${LOCK_DIR}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export async function buildWeb(log: (line: string) => void = console.log): Promise<void> {
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  precompress(WEB_DIST);
  log(`Built the web UI into web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

/** Builds web/dist if needed; returns whether it built. */
export async function ensureWebBuild(log: (line: string) => void = console.log): Promise<boolean> {
  if (!webBuildReason()) return false;
  return withBuildLock(async () => {
    const reason = webBuildReason(); // another process may have built it while we waited
    if (!reason) return false;
    log(`Building the web UI (${reason}) …`);
    await buildWeb(log);
    return true;
  });
}
