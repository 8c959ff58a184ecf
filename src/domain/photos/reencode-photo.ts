import sharp from 'sharp';
import { cleanImage, InvalidImage, type CleanImage } from './image-format.ts';

/**
 * Refused above this many pixels (by the header, before decoding): 50 MP still admits the full-resolution
 * JPEGs of 48 and 50 MP phone cameras (8064 × 6048, 8160 × 6120). libvips decodes in strips and shrinks
 * JPEGs while decoding, so memory stays bounded: re-encoding a 48 MP JPEG or a 50 MP PNG (rotated or not)
 * took 55–80 MB more RSS when measured. PHOTO_MAX_BYTES refuses most larger photos anyway.
 */
export const MAX_PHOTO_PIXELS = 50_000_000;
/**
 * Longer sides are scaled down to this: a photo of a nuisance needs detail, not 12 MP. 2560 px fills a
 * 1440p screen or a phone screen at 3× zoom, and brings a 12 MP phone photo (4032 × 3024, some 3 MB)
 * to 2560 × 1920 at a few hundred kB, which keeps the photos table small.
 */
export const MAX_PHOTO_EDGE = 2560;
/** Visually lossless for photos. mozjpeg would save about a third of the bytes at 2–3× the time. */
export const JPEG_QUALITY = 85;

// libvips keeps recent images and operations in a cache (50 MB and 100 operations by default) for pipelines
// that reuse their input; every upload is a new image, so the cache only held memory that looked leaked after
// a burst of uploads.
sharp.cache(false);

/**
 * Decodes and re-encodes an uploaded photo so that what is stored is only pixels: the EXIF orientation
 * is applied (portrait phone photos come out upright), colours are converted to sRGB, and every
 * metadata block (EXIF with GPS and serials, XMP, IPTC, ICC, comments, PNG text chunks) is left
 * behind. JPEG stays JPEG and PNG stays PNG.
 *
 * The hand-written structure check of image-format.ts runs first, on the original bytes: anything
 * that is not a well-formed JPEG or PNG, or is too large by its header, is refused before libvips
 * parses it. Its stripped copy is not used; re-encoding drops the metadata itself.
 */
export async function reencodePhoto(bytes: Buffer): Promise<CleanImage> {
  const checked = cleanImage(bytes);
  if (checked.width * checked.height > MAX_PHOTO_PIXELS)
    throw new InvalidImage(`the image has more than ${MAX_PHOTO_PIXELS / 1_000_000} megapixels`);
  // failOn 'error', not sharp's default 'warning': Samsung phones write JPEGs that libjpeg reads with a
  // warning (invalid scan parameters, lovell/sharp#1578), and residents must be able to send those; so
  // damaged image data is stored as libjpeg recovers it, as a viewer would show it. What libjpeg cannot
  // decode at all is refused.
  const pipeline = sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'error' })
    .rotate()
    .resize({ width: MAX_PHOTO_EDGE, height: MAX_PHOTO_EDGE, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb');
  const encoder =
    checked.contentType === 'image/jpeg'
      ? pipeline.jpeg({ quality: JPEG_QUALITY, mozjpeg: false })
      : pipeline.png({ compressionLevel: 6 });
  try {
    const { data, info } = await encoder.toBuffer({ resolveWithObject: true });
    return { contentType: checked.contentType, data, width: info.width, height: info.height };
  } catch {
    // libvips' message names the decoder's complaint (a corrupt or truncated scan); the client only
    // needs to know the file cannot be used, and the message stays out of answers and logs.
    throw new InvalidImage('the image data is damaged and cannot be decoded');
  }
}
