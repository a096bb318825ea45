import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../errors';
import { decodeHeic } from './heic';

/** FILE-02: at most 10 MB a photo and 40 megapixels (a pixel flood decodes to gigabytes). */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_PIXELS = 40_000_000;
/** Long edge of the small copy lists show on a phone. */
const THUMB_EDGE = 480;

export type PhotoType = 'image/jpeg' | 'image/png' | 'image/webp';
const EXTENSION: Record<PhotoType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
};
export const extensionOf = (type: PhotoType) => EXTENSION[type];

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);

/** The brands an ISO media file lists: its major brand, then the compatible ones after the minor version. */
function brandsOf(bytes: Buffer): string[] {
  const size = Math.min(bytes.length, bytes.readUInt32BE(0));
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let i = 16; i + 4 <= size; i += 4) brands.push(bytes.toString('latin1', i, i + 4));
  return brands;
}

/**
 * FILE-01: what a file is, from its first bytes — never its name or the MIME
 * type the client claims. A HEIC file is an ISO media file whose major brand,
 * or for a generic `mif1` file a compatible brand, is one of HEVC's (AVIF,
 * also `mif1`, is not a HEIC and is not accepted).
 */
export function sniff(bytes: Buffer): PhotoType | 'image/heic' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (bytes.length >= 12 && bytes.toString('latin1', 4, 8) === 'ftyp') {
    const [major, ...compatible] = brandsOf(bytes);
    if (HEIF_BRANDS.has(major!) || (major === 'mif1' && compatible.some((b) => HEIF_BRANDS.has(b)))) {
      return 'image/heic';
    }
  }
  return null;
}

/**
 * Markup or a document hidden in an image (a polyglot): a file that is a JPEG
 * to us and HTML, SVG or PDF to something else. Re-encoding drops it anyway;
 * refusing says plainly that such a file is not a photo. Only the parts where
 * text can hide are searched — metadata segments and chunks, and the start of
 * anything after the image's end — never the compressed picture itself, where
 * a short byte pattern turns up by chance. XMP metadata is XML too, so only
 * markers that never occur in a camera's file are looked for.
 */
const POLYGLOT_MARKERS = [
  '<script',
  '<html',
  '<svg',
  '<!doctype',
  '<iframe',
  '<body',
  '<object',
  '<embed',
  '%pdf-',
];
const TRAILER_SCAN = 64 * 1024;

const isRestart = (b: number) => b >= 0xd0 && b <= 0xd7;

/** JPEG: every segment before and between scans, and the start of what follows the end marker. */
function jpegRegions(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return [bytes]; // not a well-formed JPEG: search all of it
    const marker = bytes[i + 1]!;
    if (marker === 0xd9) {
      out.push(bytes.subarray(i + 2, i + 2 + TRAILER_SCAN));
      break;
    }
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || isRestart(marker)) {
      i += 2;
      continue;
    }
    const length = bytes.readUInt16BE(i + 2);
    out.push(bytes.subarray(i + 4, i + 2 + length));
    i += 2 + length;
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is stuffed as FF 00 and restarts are FF D0–D7; the next marker ends it.
      while (
        i + 1 < bytes.length &&
        !(bytes[i] === 0xff && bytes[i + 1] !== 0 && !isRestart(bytes[i + 1]!))
      ) {
        i++;
      }
    }
  }
  return out;
}

/** PNG: every chunk but the picture data (IDAT), and the start of what follows IEND. */
function pngRegions(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let i = 8;
  while (i + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(i);
    const chunk = bytes.toString('latin1', i + 4, i + 8);
    if (chunk !== 'IDAT') out.push(bytes.subarray(i + 8, i + 8 + length));
    i += 12 + length;
    if (chunk === 'IEND') {
      out.push(bytes.subarray(i, i + TRAILER_SCAN));
      break;
    }
  }
  return out;
}

/** WebP: the RIFF chunks but the picture's (VP8, VP8L, ALPH, ANMF), and what follows the RIFF. */
function webpRegions(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  const end = Math.min(bytes.length, 8 + bytes.readUInt32LE(4));
  let i = 12;
  while (i + 8 <= end) {
    const chunk = bytes.toString('latin1', i, i + 4);
    const length = bytes.readUInt32LE(i + 4);
    if (!['VP8 ', 'VP8L', 'ALPH', 'ANMF'].includes(chunk)) out.push(bytes.subarray(i + 8, i + 8 + length));
    i += 8 + length + (length % 2);
  }
  out.push(bytes.subarray(end, end + TRAILER_SCAN));
  return out;
}

const REGIONS: Record<PhotoType, (bytes: Buffer) => Buffer[]> = {
  'image/jpeg': jpegRegions,
  'image/png': pngRegions,
  'image/webp': webpRegions,
};

function hidesMarkup(bytes: Buffer, type: PhotoType): boolean {
  return REGIONS[type](bytes).some((region) => {
    const text = region.toString('latin1').toLowerCase();
    return POLYGLOT_MARKERS.some((m) => text.includes(m));
  });
}

const unsupported = (code: string, detail: string, params: Record<string, unknown> = {}) =>
  new AppError('unsupported_media_type', code, { ruleId: 'FILE-01', detail, params });

export interface ProcessedPhoto {
  type: PhotoType;
  full: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

/**
 * A photo as it will be stored: type checked by its bytes (FILE-01), bounded in
 * pixels (FILE-02), decoded completely — a truncated file is refused rather
 * than stored grey — and re-encoded, upright, with no EXIF, GPS, XMP or other
 * metadata left (FILE-03). Dimensions are those of the upright picture. A HEIC
 * photo is stored as JPEG: browsers other than Safari cannot show HEIC.
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  if (bytes.length === 0) {
    throw new AppError('refused', 'file_empty', {
      ruleId: 'FILE-01',
      detail: 'The file is empty (0 bytes).',
    });
  }
  const type = sniff(bytes);
  if (type === 'image/heic') return processHeic(bytes);
  if (!type) {
    throw unsupported('file_type_not_allowed', 'Only photos are accepted: JPEG, PNG, WebP or HEIC.', {
      allowed: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'],
    });
  }
  if (hidesMarkup(bytes, type)) {
    throw unsupported('polyglot_refused', 'This file carries markup or a document besides the picture.');
  }

  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable();
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width * height > MAX_PHOTO_PIXELS) throw tooManyPixels(width, height);
  if (width === 0 || height === 0) throw unreadable();

  // failOn 'warning': libvips's "premature end of JPEG file" is a warning, and it must refuse.
  return encoded(type, () =>
    sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'warning' }).autoOrient(),
  );
}

/**
 * HEIC is decoded by libheif (sharp's bundled libvips has no HEVC decoder) to
 * upright pixels and encoded as a new JPEG: none of the original bytes — no
 * EXIF, no GPS, nothing hidden beside the picture — reach the store.
 */
async function processHeic(bytes: Buffer): Promise<ProcessedPhoto> {
  const decoded = await decodeHeic(bytes, MAX_PHOTO_PIXELS);
  if ('error' in decoded) {
    if (decoded.error === 'too_many_pixels') throw tooManyPixels(decoded.width, decoded.height);
    throw unreadable();
  }
  const { width, height, data } = decoded;
  if (width === 0 || height === 0) throw unreadable();
  return encoded('image/jpeg', () =>
    sharp(data, { raw: { width, height, channels: 4 } }).flatten({ background: '#ffffff' }),
  );
}

/** The stored copy in the photo's own format and the small JPEG lists show; sharp writes no metadata unless asked. */
async function encoded(type: PhotoType, input: () => Sharp): Promise<ProcessedPhoto> {
  try {
    const encode = (s: Sharp) =>
      type === 'image/jpeg'
        ? s.jpeg({ quality: 85 })
        : type === 'image/png'
          ? s.png({ compressionLevel: 9 })
          : s.webp({ quality: 85 });
    const full = await encode(input()).toBuffer({ resolveWithObject: true });
    const thumb = await input()
      .resize(THUMB_EDGE, THUMB_EDGE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 70, mozjpeg: true })
      .toBuffer();
    return { type, full: full.data, thumb, width: full.info.width, height: full.info.height };
  } catch {
    throw unreadable();
  }
}

function tooManyPixels(width: number, height: number) {
  return new AppError('refused', 'image_too_many_pixels', {
    ruleId: 'FILE-02',
    detail: 'The picture has too many pixels (at most 40 megapixels).',
    params: { width, height, maxPixels: MAX_PHOTO_PIXELS },
  });
}

function unreadable() {
  return new AppError('refused', 'image_unreadable', {
    ruleId: 'FILE-01',
    detail: 'The picture is damaged or incomplete (for example cut off while sending). Try sending it again.',
  });
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * FILE-04: the uploader's file name as display text only — no folders, no
 * control or direction characters (`a\u202Egpj.exe` shows as `agpj`), at most
 * 100 characters — with the extension of what is actually stored.
 */
export function displayFileName(name: string | undefined, type: PhotoType): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const clean = base
    .normalize('NFC')
    .replace(LONE_SURROGATES, '')
    .replace(UNSAFE_IN_NAME, '')
    .replace(/\.[^.]{0,10}$/, '')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  const stem = [...clean].slice(0, 100).join('') || 'photo';
  return `${stem}.${extensionOf(type)}`;
}

/**
 * `Content-Disposition: attachment` with the RFC 8187 UTF-8 name and a plain
 * ASCII fallback for old clients (RFC 6266 §4.3).
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
