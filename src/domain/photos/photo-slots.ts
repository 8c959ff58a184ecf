/**
 * Decoding a photo takes tens of MB outside the JS heap (libvips), so a process decodes at most
 * PHOTO_DECODE_SLOTS at once, whatever the number of uploads in flight; the others wait their turn with their
 * files still on disk. Two keeps both cores of a small server busy.
 */
export const PHOTO_DECODE_SLOTS = 2;

let busy = 0;
const waiting: Array<() => void> = [];

export async function withPhotoSlot<T>(work: () => Promise<T>): Promise<T> {
  if (busy >= PHOTO_DECODE_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  else busy++;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    // The slot passes straight to the next in line, so `busy` stays the same; otherwise it is freed.
    if (next) next();
    else busy--;
  }
}

/** For tests and metrics: decodes running now, and uploads waiting for a slot. */
export const photoSlotUse = () => ({ busy, waiting: waiting.length });
