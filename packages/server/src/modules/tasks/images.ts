import sharp, { type Metadata, type Sharp } from 'sharp';
import { AppError } from '../../errors';

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

/**
 * FILE-01: what a file is, from its first bytes — never its name or the MIME
 * type the client claims. HEIC is recognised so it can be refused by name.
 */
export function sniff(bytes: Buffer): PhotoType | 'image/heic' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  if (bytes.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(bytes.toString('latin1', 8, 12))) {
    return 'image/heic';
  }
  return null;
}

/**
 * Markup or a document hidden in an image (a polyglot): a file that is a JPEG
 * to us and HTML, SVG or PDF to something else. Re-encoding would drop it
 * anyway; refusing says plainly that such a file is not a photo. XMP metadata
 * is XML too, so only markers that never occur in a camera's file are looked for.
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
function hidesMarkup(bytes: Buffer): boolean {
  const text = bytes.toString('latin1').toLowerCase();
  return POLYGLOT_MARKERS.some((m) => text.includes(m));
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
 * metadata left (FILE-03). Dimensions are those of the upright picture.
 */
export async function processPhoto(bytes: Buffer): Promise<ProcessedPhoto> {
  if (bytes.length === 0) {
    throw new AppError('refused', 'file_empty', {
      ruleId: 'FILE-01',
      detail: 'The file is empty (0 bytes).',
    });
  }
  const type = sniff(bytes);
  if (type === 'image/heic') {
    // sharp's prebuilt libvips decodes AVIF but not HEVC-coded HEIC (a patent-encumbered codec).
    throw unsupported(
      'heic_not_supported',
      'HEIC photos cannot be processed here. Send it as JPEG: on an iPhone, Settings → Camera → Formats → Most Compatible.',
    );
  }
  if (!type) {
    throw unsupported('file_type_not_allowed', 'Only photos are accepted: JPEG, PNG or WebP.', {
      allowed: ['image/jpeg', 'image/png', 'image/webp'],
    });
  }
  if (hidesMarkup(bytes)) {
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
  if (width * height > MAX_PHOTO_PIXELS) {
    throw new AppError('refused', 'image_too_many_pixels', {
      ruleId: 'FILE-02',
      detail: 'The picture has too many pixels (at most 40 megapixels).',
      params: { width, height, maxPixels: MAX_PHOTO_PIXELS },
    });
  }
  if (width === 0 || height === 0) throw unreadable();

  // failOn 'warning': libvips's "premature end of JPEG file" is a warning, and it must refuse.
  const input = () => sharp(bytes, { limitInputPixels: MAX_PHOTO_PIXELS, failOn: 'warning' }).autoOrient();
  try {
    const encode = (s: Sharp) =>
      type === 'image/jpeg'
        ? s.jpeg({ quality: 85 })
        : type === 'image/png'
          ? s.png({ compressionLevel: 9 })
          : s.webp({ quality: 85 });
    // sharp writes no metadata unless asked to (keepMetadata/withExif): EXIF, GPS and XMP are gone.
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
