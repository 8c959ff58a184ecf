/**
 * HTTP load from a separate process: wrk (C, from Debian's packages). A load generator inside the
 * server's own process shares its event loop and CPU and flatters every ratio towards 1.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadResult {
  /** Requests per second over the run. */
  rps: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not 2xx, and socket errors. */
  failures: number;
}

/** Installs wrk when it is missing and we may (root, as in CI); otherwise says how. */
export function ensureWrk(): string {
  const found = spawnSync('which', ['wrk'], { encoding: 'utf8' });
  if (found.status === 0) return found.stdout.trim();
  if (process.getuid?.() === 0) {
    execFileSync('apt-get', ['install', '-y', '-q', 'wrk'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    return 'wrk';
  }
  throw new Error('The intake benchmark needs wrk: sudo apt-get install -y wrk');
}

const luaString = (text: string) => `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/** A wrk script that POSTs the bodies in turn and prints its summary as one JSON line. */
function script(bodies: string[]): string {
  return `
local bodies = { ${bodies.map(luaString).join(',\n')} }
local i = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, nil, nil, bodies[i])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests":%d,"durationUs":%d,"failures":%d,"p50Us":%d,"p99Us":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;
}

export async function runLoad(
  url: string,
  bodies: string[],
  options: { seconds: number; connections: number },
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wijkpost-bench-'));
  const scriptPath = join(dir, 'post.lua');
  writeFileSync(scriptPath, script(bodies));
  const wrk = spawn(ensureWrk(), ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '-s', scriptPath, url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  wrk.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => wrk.on('close', resolve));
  const line = output.split('\n').find((l) => l.startsWith('{"requests"'));
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}):\n${output}`);
  const summary = JSON.parse(line) as {
    requests: number;
    durationUs: number;
    failures: number;
    p50Us: number;
    p99Us: number;
  };
  return {
    rps: summary.requests / (summary.durationUs / 1e6),
    p50: summary.p50Us / 1000,
    p99: summary.p99Us / 1000,
    requests: summary.requests,
    failures: summary.failures,
  };
}
