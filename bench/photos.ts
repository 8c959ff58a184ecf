/**
 * Photo upload cost: re-encoding a 12 MP phone JPEG (reencodePhoto: structure check, EXIF rotation,
 * downscale to 2560 px, sRGB, JPEG q85) against the strip-only path it replaced (cleanImage: metadata
 * segments cut out, image data copied), on the same bytes in the same run. Rounds alternate between
 * the two, and the figure is the median per photo. Runs alone with `npx tsx bench/photos.ts`.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { cleanImage, reencodePhoto } from '../src/domain/photos/index.ts';

const WIDTH = 4032;
const HEIGHT = 3024;

export interface PhotoBenchCase {
  label: string;
  inputBytes: number;
  outputBytes: number;
  outputSize: string;
  /** Wall-clock and CPU (all threads: libvips works beside the event loop) milliseconds per photo, medians. */
  reencode: Cost;
  strip: Cost;
}

interface Cost {
  wallMs: number;
  cpuMs: number;
}

/**
 * A camera-like 12 MP JPEG of some 4 MB at quality 92: smooth gradients for the sky and walls, Gaussian
 * noise for sensor grain and texture (pure noise would compress like no photo does), EXIF like a phone's.
 */
export async function phonePhoto(orientation: number): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width: WIDTH,
      height: HEIGHT,
      channels: 3,
      background: '#000000',
      noise: { type: 'gaussian', mean: 128, sigma: 7 },
    },
  })
    .raw()
    .toBuffer();
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const i = (y * WIDTH + x) * 3;
      const grain = noise[i]! - 128;
      pixels[i] = Math.max(0, Math.min(255, (x * 255) / WIDTH + grain));
      pixels[i + 1] = Math.max(0, Math.min(255, (y * 255) / HEIGHT + grain));
      pixels[i + 2] = Math.max(0, Math.min(255, 128 + 100 * Math.sin(x / 97 + y / 61) + grain));
    }
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation })
    .withExifMerge({
      IFD0: { Make: 'PhoneCo', Model: 'Bench 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 52/1' },
    })
    .toBuffer();
}

/** CPU time is the steadier figure when other processes share the cores; wall time is what an upload waits. */
async function measure(work: () => unknown, minimumMs: number): Promise<Cost> {
  let runs = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  do {
    await work();
    runs++;
  } while (performance.now() - start < minimumMs);
  const used = process.cpuUsage(cpu);
  return { wallMs: (performance.now() - start) / runs, cpuMs: (used.user + used.system) / 1000 / runs };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchCase(label: string, photo: Buffer, rounds: number): Promise<PhotoBenchCase> {
  const warm = await reencodePhoto(photo);
  const reencode: Cost[] = [];
  const strip: Cost[] = [];
  for (let round = 0; round < rounds; round++) {
    strip.push(await measure(() => cleanImage(photo), 100));
    reencode.push(await measure(() => reencodePhoto(photo), 0));
  }
  const medianCost = (costs: Cost[]) => ({
    wallMs: median(costs.map((c) => c.wallMs)),
    cpuMs: median(costs.map((c) => c.cpuMs)),
  });
  return {
    label,
    inputBytes: photo.length,
    outputBytes: warm.data.length,
    outputSize: `${warm.width} × ${warm.height}`,
    reencode: medianCost(reencode),
    strip: medianCost(strip),
  };
}

export async function benchPhotos(rounds = Number(process.env.BENCH_PHOTO_ROUNDS ?? 7)): Promise<PhotoBenchCase[]> {
  return [
    await benchCase('landscape (EXIF orientation 1)', await phonePhoto(1), rounds),
    await benchCase('portrait (EXIF orientation 6, rotated)', await phonePhoto(6), rounds),
  ];
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function printPhotos(cases: PhotoBenchCase[]): void {
  console.log(
    `\nPhoto upload, a ${WIDTH} × ${HEIGHT} (12 MP) phone JPEG, median of ${process.env.BENCH_PHOTO_ROUNDS ?? 7} alternating rounds`,
  );
  for (const c of cases) {
    console.log(
      `  ${c.label}: ${fmt(c.inputBytes / 1024)} kB in → ${c.outputSize}, ${fmt(c.outputBytes / 1024)} kB stored`,
    );
    const line = (name: string, cost: Cost, digits: number) =>
      `    ${name.padEnd(20)} ${fmt(cost.wallMs, digits).padStart(8)} ms/photo wall, ${fmt(cost.cpuMs, digits).padStart(8)} ms CPU`;
    console.log(line('re-encode', c.reencode, 1));
    console.log(line('strip-only baseline', c.strip, 2));
    console.log(
      `    ratio ${fmt(c.reencode.wallMs / c.strip.wallMs)}× wall, ${fmt(c.reencode.cpuMs / c.strip.cpuMs)}× CPU`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) printPhotos(await benchPhotos());
