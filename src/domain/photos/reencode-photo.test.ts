import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { InvalidImage } from './image-format.ts';
import { MAX_PHOTO_EDGE, MAX_PHOTO_PIXELS, reencodePhoto } from './reencode-photo.ts';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/photos');
const png = readFileSync(join(fixtures, 'marker-25x41.png'));

type Rgb = { r: number; g: number; b: number };
const RED: Rgb = { r: 255, g: 0, b: 0 };
const BLUE: Rgb = { r: 0, g: 0, b: 255 };

/** 40 × 20 stored pixels, left half red and right half blue, tagged with an EXIF orientation. */
function sidewaysPhoto(orientation: number): Promise<Buffer> {
  const blueHalf = { create: { width: 20, height: 20, channels: 3 as const, background: BLUE } };
  return sharp({ create: { width: 40, height: 20, channels: 3, background: RED } })
    .composite([{ input: blueHalf, left: 20, top: 0 }])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation })
    .toBuffer();
}

async function pixelAt(image: Buffer, x: number, y: number): Promise<Rgb> {
  const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const offset = (y * info.width + x) * info.channels;
  return { r: data[offset]!, g: data[offset + 1]!, b: data[offset + 2]! };
}

function assertColour(actual: Rgb, expected: Rgb, what: string, tolerance = 12): void {
  const off = Math.max(
    Math.abs(actual.r - expected.r),
    Math.abs(actual.g - expected.g),
    Math.abs(actual.b - expected.b),
  );
  assert.ok(off <= tolerance, `${what}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

/** A JPEG segment (marker + length + payload), inserted after the APPn segments that follow SOI. */
function withJpegSegment(jpeg: Buffer, marker: number, payload: Buffer): Buffer {
  const header = Buffer.from([0xff, marker, 0, 0]);
  header.writeUInt16BE(payload.length + 2, 2);
  let offset = 2;
  while (jpeg[offset] === 0xff && jpeg[offset + 1]! >= 0xe0 && jpeg[offset + 1]! <= 0xef)
    offset += 2 + jpeg.readUInt16BE(offset + 2);
  return Buffer.concat([jpeg.subarray(0, offset), header, payload, jpeg.subarray(offset)]);
}

/** A valid PNG chunk (with its CRC, so the decoder does not drop it as damaged). */
function pngChunk(type: string, body: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + body.length);
  chunk.writeUInt32BE(body.length, 0);
  chunk.write(type, 4, 'latin1');
  body.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + body.length)), 8 + body.length);
  return chunk;
}

const IPTC_APP13 = Buffer.concat([
  Buffer.from('Photoshop 3.0\0', 'latin1'),
  // 8BIM resource 0x0404 (IPTC) holding dataset 2:80 By-line "J. Jansen"
  Buffer.from([0x38, 0x42, 0x49, 0x4d, 0x04, 0x04, 0, 0, 0, 0, 0, 14]),
  Buffer.from([0x1c, 0x02, 0x50, 0x00, 0x09]),
  Buffer.from('J. Jansen\0', 'latin1'),
]);

/** A camera-like JPEG: EXIF with GPS, XMP, an ICC profile (Display P3), an IPTC block and a comment. */
async function jpegWithEveryMetadataBlock(): Promise<Buffer> {
  const tagged = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 100, b: 50 } } })
    .jpeg({ quality: 95 })
    .withExif({
      IFD0: { Artist: 'J. Jansen', Make: 'PhoneCo' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 22/1 52/1' },
    })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>',
    )
    .withIccProfile('p3')
    .toBuffer();
  return withJpegSegment(withJpegSegment(tagged, 0xed, IPTC_APP13), 0xfe, Buffer.from('Taken by J. Jansen', 'latin1'));
}

/** The fixture PNG with tEXt, zTXt and iTXt chunks after its header. */
function pngWithTextChunks(): Buffer {
  const ihdrEnd = 8 + 12 + 13;
  return Buffer.concat([
    png.subarray(0, ihdrEnd),
    pngChunk('tEXt', Buffer.from('Comment\0Taken by J. Jansen', 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Author\0\0', 'latin1'), deflateSync('J. Jansen')])),
    pngChunk('iTXt', Buffer.from('Description\0\0\0nl\0Beschrijving\0GPS 52.38 4.63', 'latin1')),
    png.subarray(ihdrEnd),
  ]);
}

const leftoverMarkers = [
  'Exif',
  'http://ns.adobe.com/xap',
  'ICC_PROFILE',
  'Photoshop',
  'J. Jansen',
  'tEXt',
  'iTXt',
  'zTXt',
];
function assertNoMetadataBytes(image: Buffer): void {
  for (const marker of leftoverMarkers)
    assert.equal(image.includes(Buffer.from(marker, 'latin1')), false, `"${marker}" is still in the bytes`);
}

describe('re-encoding photos', () => {
  it('applies the EXIF orientation: a portrait photo stored sideways comes out upright', async () => {
    // Orientation 6: the stored picture must be turned 90° clockwise, so its left half (red) becomes the top.
    const upright = await reencodePhoto(await sidewaysPhoto(6));
    assert.deepEqual([upright.width, upright.height], [20, 40]);
    const meta = await sharp(upright.data).metadata();
    assert.deepEqual([meta.width, meta.height, meta.orientation], [20, 40, undefined]);
    assertColour(await pixelAt(upright.data, 10, 5), RED, 'top');
    assertColour(await pixelAt(upright.data, 10, 34), BLUE, 'bottom');

    // Orientation 8: turned 90° counter-clockwise, so the right half (blue) becomes the top.
    const other = await reencodePhoto(await sidewaysPhoto(8));
    assert.deepEqual([other.width, other.height], [20, 40]);
    assertColour(await pixelAt(other.data, 10, 5), BLUE, 'top');
    assertColour(await pixelAt(other.data, 10, 34), RED, 'bottom');
  });

  it('leaves no EXIF, XMP, IPTC, ICC profile or comment in a JPEG', async () => {
    const original = await jpegWithEveryMetadataBlock();
    const before = await sharp(original).metadata();
    assert.ok(before.exif && before.xmp && before.icc && before.iptc, 'the fixture has them all');
    assert.ok(
      original.includes(Buffer.from('Taken by J. Jansen')),
      'and a comment (sharp does not report JPEG comments)',
    );

    const clean = await reencodePhoto(original);
    assert.equal(clean.contentType, 'image/jpeg');
    const after = await sharp(clean.data).metadata();
    assert.equal(after.format, 'jpeg');
    assert.deepEqual(
      [after.exif, after.xmp, after.icc, after.iptc, after.comments, after.orientation],
      [undefined, undefined, undefined, undefined, undefined, undefined],
    );
    assertNoMetadataBytes(clean.data);
  });

  it('converts colours to sRGB before dropping the ICC profile', async () => {
    // The fixture's pixels were converted from sRGB (200, 100, 50) into Display P3 numbers; only applying
    // the profile brings them back, keeping the P3 numbers would show a duller orange.
    const original = await jpegWithEveryMetadataBlock();
    const storedNumbers = await sharp(original).keepIccProfile().raw().toBuffer();
    assert.ok(Math.abs(storedNumbers[0]! - 200) > 12, 'the fixture stores other numbers than the sRGB colour');
    const clean = await reencodePhoto(original);
    assertColour(await pixelAt(clean.data, 30, 20), { r: 200, g: 100, b: 50 }, 'sRGB colour', 6);
  });

  it('keeps a PNG a PNG, with its transparency and without text chunks', async () => {
    const original = pngWithTextChunks();
    assert.ok((await sharp(original).metadata()).comments?.length, 'the fixture has text chunks');
    const clean = await reencodePhoto(original);
    assert.equal(clean.contentType, 'image/png');
    assert.deepEqual([clean.width, clean.height], [25, 41]);
    const after = await sharp(clean.data).metadata();
    assert.equal(after.format, 'png');
    assert.equal(after.hasAlpha, true);
    assert.deepEqual([after.exif, after.xmp, after.icc, after.comments], [undefined, undefined, undefined, undefined]);
    assertNoMetadataBytes(clean.data);
  });

  it(`scales a large photo down to ${MAX_PHOTO_EDGE} px on the long side and never enlarges a small one`, async () => {
    const large = await sharp({ create: { width: 3200, height: 1200, channels: 3, background: RED } })
      .jpeg()
      .toBuffer();
    const scaled = await reencodePhoto(large);
    assert.deepEqual([scaled.width, scaled.height], [MAX_PHOTO_EDGE, 960]);
    assert.deepEqual(
      [(await sharp(scaled.data).metadata()).width, (await reencodePhoto(png)).width],
      [MAX_PHOTO_EDGE, 25],
    );
  });

  it('refuses a photo with more pixels than allowed by its header, before decoding it', async () => {
    const huge = Buffer.from(png);
    huge.writeUInt32BE(8_000, 16);
    huge.writeUInt32BE(7_000, 20); // 56 MP, each side within the per-side limit
    assert.ok(8_000 * 7_000 > MAX_PHOTO_PIXELS);
    await assert.rejects(reencodePhoto(huge), (error: unknown) => {
      assert.ok(error instanceof InvalidImage);
      assert.match(error.reason, /more than 50 megapixels/);
      return true;
    });
  });

  it('refuses a JPEG the decoder cannot read although its segments are well formed, and a cut-off one', async () => {
    const photo = await sidewaysPhoto(1);
    const frame = photo.indexOf(Buffer.from([0xff, 0xc0]));
    const badPrecision = Buffer.from(photo);
    badPrecision[frame + 4] = 7; // sample precision: baseline JPEG has 8 bits
    const bogusHuffmanTable = Buffer.from(photo);
    const table = photo.indexOf(Buffer.from([0xff, 0xc4]));
    bogusHuffmanTable.fill(0xff, table + 5, table + 5 + 16); // code counts adding up to more than 256 codes
    const cutOff = photo.subarray(0, photo.length - 40); // no end marker: the structure check refuses it
    for (const broken of [badPrecision, bogusHuffmanTable, cutOff]) {
      await assert.rejects(reencodePhoto(broken), (error: unknown) => {
        assert.ok(error instanceof InvalidImage, `got ${String(error)}`);
        return true;
      });
    }
    await assert.rejects(reencodePhoto(Buffer.from('GIF89a....')), /not a JPEG or PNG/);
  });

  it('accepts a photo the decoder reads with a warning, like the invalid scan parameters some phones write', async () => {
    const photo = await sidewaysPhoto(1);
    const scan = photo.indexOf(Buffer.from([0xff, 0xda]));
    const withOddScan = Buffer.from(photo);
    withOddScan[scan + 2 + photo.readUInt16BE(scan + 2) - 2] = 0; // spectral end: a sequential JPEG says 63
    await assert.rejects(sharp(withOddScan, { failOn: 'warning' }).toBuffer(), /Invalid SOS parameters/);
    const clean = await reencodePhoto(withOddScan);
    assert.deepEqual([clean.width, clean.height], [40, 20]);
    assertColour(await pixelAt(clean.data, 5, 10), RED, 'left');
  });
});
