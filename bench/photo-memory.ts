/**
 * Memory of concurrent photo uploads (issue 10: 60 concurrent uploads took the process from 250 MB to 2.1 GB,
 * not released). A server process (photo-memory-server.ts) receives the same 12 MP phone JPEG (about 4 MB) as
 * one upload, and then as `CONCURRENT` uploads at once, each to a report of its own, over loopback HTTP, on a
 * PostgreSQL server database of its own (BENCH_DATABASE_URL, else the local server); its resident memory is
 * sampled from /proc every 10 ms. The figure is the peak growth of the burst against the peak growth of the
 * single upload in the same run (a bounded pipeline keeps it a small multiple, whatever the
 * burst), and what the process still holds 3 s after the burst. Runs alone with `npx tsx bench/photo-memory.ts`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openPostgres } from '../src/db/postgres.ts';
import { phonePhoto } from './photos.ts';

const CONCURRENT = Number(process.env.BENCH_PHOTO_CONCURRENT ?? 60);
const PARKWIJK = { type: 'Point', coordinates: [4.6681, 52.3768] };

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return Number(line?.[1] ?? 0) / 1024;
};

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withServer<T>(work: (port: number, pid: number) => Promise<T>): Promise<T> {
  const name = `wijkpost_photo_memory_${Date.now()}`;
  const admin = await openPostgres(serverUrl, { max: 1 });
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'photo-memory-server.ts'), url.toString()],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    return await work(port, child.pid!);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

async function newReport(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'hondenpoep', description: 'Geheugenmeting', location: PARKWIJK }),
  });
  if (response.status !== 201) throw new Error(`intake answered ${response.status}`);
  return ((await response.json()) as { trackingCode: string }).trackingCode;
}

async function uploadTo(port: number, trackingCode: string, photo: Buffer): Promise<number> {
  const form = new FormData();
  form.append('photo', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'photo.jpg');
  const response = await fetch(`http://127.0.0.1:${port}/api/v1/public/reports/${trackingCode}/photos`, {
    method: 'POST',
    body: form,
  });
  await response.arrayBuffer();
  return response.status;
}

export interface PhotoMemoryCase {
  uploads: number;
  idleMb: number;
  peakGrowthMb: number;
  retainedGrowthMb: number;
  seconds: number;
}

async function measure(uploads: number, photo: Buffer): Promise<PhotoMemoryCase> {
  return withServer(async (port, pid) => {
    const codes = [];
    for (let i = 0; i < uploads; i++) codes.push(await newReport(port));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleMb = rssMb(pid);
    let peak = idleMb;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 10);
    const start = performance.now();
    const statuses = await Promise.all(codes.map((code) => uploadTo(port, code, photo)));
    const seconds = (performance.now() - start) / 1000;
    clearInterval(sampler);
    if (statuses.some((status) => status !== 201)) throw new Error(`uploads answered ${statuses.join(',')}`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return { uploads, idleMb, peakGrowthMb: peak - idleMb, retainedGrowthMb: rssMb(pid) - idleMb, seconds };
  });
}

export async function benchPhotoMemory(): Promise<{ photoBytes: number; cases: PhotoMemoryCase[] }> {
  const photo = await phonePhoto(6);
  return { photoBytes: photo.length, cases: [await measure(1, photo), await measure(CONCURRENT, photo)] };
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printPhotoMemory(result: { photoBytes: number; cases: PhotoMemoryCase[] }): void {
  console.log(
    `\nPhoto upload memory, a ${fmt(result.photoBytes / 1_048_576, 1)} MB 12 MP JPEG per upload (server RSS)`,
  );
  for (const c of result.cases)
    console.log(
      `  ${String(c.uploads).padStart(3)} at once: idle ${fmt(c.idleMb)} MB, peak +${fmt(c.peakGrowthMb)} MB, ` +
        `+${fmt(c.retainedGrowthMb)} MB 3 s later, ${fmt(c.seconds, 1)} s`,
    );
  const [one, many] = result.cases;
  if (one && many)
    console.log(
      `  ratio ${many.uploads} vs 1 upload: peak growth ${fmt(many.peakGrowthMb / one.peakGrowthMb, 1)}× ` +
        `for ${many.uploads}× the photos (bytes in flight ${fmt((many.uploads * result.photoBytes) / 1_048_576)} MB)`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printPhotoMemory(await benchPhotoMemory());
