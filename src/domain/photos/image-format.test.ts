import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cleanImage, detectImageType, InvalidImage, MAX_IMAGE_SIDE } from './image-format.ts';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/photos');
const jpeg = readFileSync(join(fixtures, 'logo-16x16.jpg'));
const png = readFileSync(join(fixtures, 'marker-25x41.png'));

describe('image format checks', () => {
  it('recognises JPEG and PNG by their first bytes only', () => {
    assert.equal(detectImageType(jpeg), 'image/jpeg');
    assert.equal(detectImageType(png), 'image/png');
    assert.equal(detectImageType(Buffer.from('GIF89a')), null);
    assert.equal(detectImageType(Buffer.from('<?xml version="1.0"?><svg/>')), null);
    assert.throws(() => cleanImage(Buffer.from('GIF89a....')), InvalidImage);
  });

  it('keeps a clean JPEG byte for byte and reads its size', () => {
    const clean = cleanImage(jpeg);
    assert.ok(clean.data.equals(jpeg));
    assert.deepEqual([clean.width, clean.height], [16, 16]);
  });

  it('skips fill bytes before a marker and drops a JFXX thumbnail APP0', () => {
    const jfifEnd = 4 + jpeg.readUInt16BE(4);
    const jfxx = Buffer.concat([
      Buffer.from([0xff, 0xff, 0xe0, 0x00, 0x0a]),
      Buffer.from('JFXX\0\x10\x00\x00', 'latin1'),
    ]);
    const image = Buffer.concat([jpeg.subarray(0, jfifEnd), jfxx, jpeg.subarray(jfifEnd)]);
    assert.ok(cleanImage(image).data.equals(jpeg));
  });

  it('refuses broken JPEGs: a segment past the end, no frame header, no end marker', () => {
    assert.throws(() => cleanImage(jpeg.subarray(0, 40)), /runs past the end|structure is broken/);
    const frameStart = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    const withoutFrame = Buffer.concat([
      jpeg.subarray(0, frameStart),
      jpeg.subarray(frameStart + 2 + jpeg.readUInt16BE(frameStart + 2)),
    ]);
    assert.throws(() => cleanImage(withoutFrame), /no frame header/);
    assert.throws(() => cleanImage(jpeg.subarray(0, jpeg.length - 2)), /end-of-image/);
  });

  it('refuses broken PNGs and absurd dimensions', () => {
    assert.throws(() => cleanImage(png.subarray(0, png.length - 12)), /no end chunk/);
    const huge = Buffer.from(png);
    huge.writeUInt32BE(MAX_IMAGE_SIDE + 1, 16);
    assert.throws(() => cleanImage(huge), /larger than/);
    const noHeader = Buffer.concat([png.subarray(0, 8), png.subarray(8 + 25)]);
    assert.throws(() => cleanImage(noHeader), /does not start with its header/);
  });

  it('keeps the Adobe APP14 segment, which tells decoders the colour transform', () => {
    const jfifEnd = 4 + jpeg.readUInt16BE(4);
    const adobe = Buffer.concat([
      Buffer.from([0xff, 0xee, 0x00, 0x0e]),
      Buffer.from('Adobe\0\x64\0\0\0\0\x01', 'latin1'),
    ]);
    const image = Buffer.concat([jpeg.subarray(0, jfifEnd), adobe, jpeg.subarray(jfifEnd)]);
    assert.ok(cleanImage(image).data.equals(image));
  });
});
