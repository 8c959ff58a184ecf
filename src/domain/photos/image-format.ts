/**
 * Recognises JPEG and PNG by their bytes (never by file name or declared type), checks their
 * structure and reads the dimensions from the header: the gate before an upload reaches the image
 * decoder (reencode-photo.ts). cleanImage also removes metadata without decoding: in JPEGs every APPn
 * segment except the JFIF APP0 and the Adobe APP14 (both needed to decode), and comments; in PNGs the
 * text, EXIF and time chunks. That was how uploads were stored before they were re-encoded; it does
 * not apply the EXIF orientation, so re-encoding replaced it, and bench/photos.ts keeps it as baseline.
 */
export type PhotoContentType = 'image/jpeg' | 'image/png';

export interface CleanImage {
  contentType: PhotoContentType;
  data: Buffer;
  width: number;
  height: number;
}

export class InvalidImage extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidImage';
  }
}

/** Larger than this per side is refused: such images are decompression bombs more often than photos. */
export const MAX_IMAGE_SIDE = 12_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function detectImageType(data: Buffer): PhotoContentType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  return null;
}

export function cleanImage(data: Buffer): CleanImage {
  const type = detectImageType(data);
  if (type === 'image/jpeg') return checkSize({ contentType: type, ...stripJpeg(data) });
  if (type === 'image/png') return checkSize({ contentType: type, ...stripPng(data) });
  throw new InvalidImage('not a JPEG or PNG image');
}

function checkSize(image: CleanImage): CleanImage {
  if (image.width < 1 || image.height < 1) throw new InvalidImage('the image has no width or height');
  if (image.width > MAX_IMAGE_SIDE || image.height > MAX_IMAGE_SIDE)
    throw new InvalidImage(`the image is larger than ${MAX_IMAGE_SIDE} pixels on a side`);
  return image;
}

const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
const isApp = (marker: number) => marker >= 0xe0 && marker <= 0xef;
const COMMENT = 0xfe;
const START_OF_SCAN = 0xda;
const JFIF = Buffer.from('JFIF\0', 'latin1');
const ADOBE = Buffer.from('Adobe', 'latin1');

/** JFIF (APP0) and Adobe (APP14, colour transform of CMYK/RGB JPEGs) say how to decode; every other APPn is metadata. */
function isDecodingApp(data: Buffer, marker: number, offset: number): boolean {
  if (marker === 0xe0) return data.subarray(offset + 4, offset + 9).equals(JFIF);
  if (marker === 0xee) return data.subarray(offset + 4, offset + 9).equals(ADOBE);
  return false;
}

export function stripJpeg(data: Buffer): { data: Buffer; width: number; height: number } {
  const kept: Buffer[] = [data.subarray(0, 2)];
  let size: { width: number; height: number } | null = null;
  let offset = 2;
  for (;;) {
    if (offset + 4 > data.length || data[offset] !== 0xff) throw new InvalidImage('the JPEG structure is broken');
    let marker = data[offset + 1]!;
    while (marker === 0xff && offset + 5 < data.length) marker = data[++offset + 1]!; // fill bytes
    const length = data.readUInt16BE(offset + 2);
    const end = offset + 2 + length;
    if (length < 2 || end > data.length) throw new InvalidImage('a JPEG segment runs past the end of the file');
    if (marker === START_OF_SCAN) {
      if (!size) throw new InvalidImage('the JPEG has no frame header');
      // Entropy-coded data up to the last end-of-image marker; anything appended after it is dropped.
      const endOfImage = data.lastIndexOf(Buffer.from([0xff, 0xd9]));
      if (endOfImage < end) throw new InvalidImage('the JPEG has no end-of-image marker');
      kept.push(data.subarray(offset, endOfImage + 2));
      return { data: Buffer.concat(kept), ...size };
    }
    if (isStartOfFrame(marker)) {
      if (length < 7) throw new InvalidImage('the JPEG frame header is too short');
      size = { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    }
    const metadata = marker === COMMENT || (isApp(marker) && !isDecodingApp(data, marker, offset));
    if (!metadata) kept.push(data.subarray(offset, end));
    offset = end;
  }
}

const droppedPngChunks = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function stripPng(data: Buffer): { data: Buffer; width: number; height: number } {
  const kept: Buffer[] = [PNG_SIGNATURE];
  let size: { width: number; height: number } | null = null;
  let offset = 8;
  while (offset + 12 <= data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > data.length) throw new InvalidImage('a PNG chunk runs past the end of the file');
    if (!size) {
      if (type !== 'IHDR' || length < 8) throw new InvalidImage('the PNG does not start with its header');
      size = { width: data.readUInt32BE(offset + 8), height: data.readUInt32BE(offset + 12) };
    }
    if (!droppedPngChunks.has(type)) kept.push(data.subarray(offset, end));
    offset = end;
    if (type === 'IEND') return { data: Buffer.concat(kept), ...size };
  }
  throw new InvalidImage('the PNG has no end chunk');
}
