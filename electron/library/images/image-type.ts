import type { ImageType } from '../../../shared/api';

/** The file extension Postdesk gives each image type, and the other spellings it accepts as the same. */
export const imageExtensions: Record<ImageType, string[]> = {
  png: ['png'],
  jpeg: ['jpg', 'jpeg', 'jpe'],
  gif: ['gif'],
  webp: ['webp'],
  avif: ['avif'],
  svg: ['svg'],
};

/** The file name extensions (lowercase, no dot) of every image type Postdesk knows. */
export const knownImageExtensions: ReadonlySet<string> = new Set(Object.values(imageExtensions).flat());

/** The image type a file name's extension names, or null. */
export function imageTypeOfName(name: string): ImageType | null {
  const extension = /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!extension) return null;
  for (const [type, names] of Object.entries(imageExtensions)) {
    if (names.includes(extension)) return type as ImageType;
  }
  return null;
}

/**
 * Recognises an image from its first bytes (never from its name): PNG, JPEG, GIF, WebP, AVIF, or
 * SVG text whose root element is `<svg>`. Answers null for anything else.
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 4, 8) === 'ftyp') {
    const brands = ascii(bytes, 8, Math.min(bytes.length, readUint32(bytes, 0) || 32, 64));
    if (/avi[fs]/.test(brands)) return 'avif';
    return null;
  }
  if (isSvg(bytes)) return 'svg';
  return null;
}

/** The pixel size an image's header declares, or nulls when the header does not say. */
export interface ImageSize {
  width: number | null;
  height: number | null;
}

const unknownSize: ImageSize = { width: null, height: null };

/**
 * Reads an image's width and height from its header bytes (PNG IHDR, JPEG SOF, GIF screen, WebP
 * VP8/VP8L/VP8X, AVIF ispe, SVG width/height or viewBox); answers nulls when they cannot be found
 * in the bytes given.
 */
export function readImageSize(bytes: Uint8Array, type: ImageType): ImageSize {
  try {
    switch (type) {
      case 'png':
        return bytes.length >= 24 ? size(readUint32(bytes, 16), readUint32(bytes, 20)) : unknownSize;
      case 'gif':
        return bytes.length >= 10 ? size(readUint16LE(bytes, 6), readUint16LE(bytes, 8)) : unknownSize;
      case 'jpeg':
        return jpegSize(bytes);
      case 'webp':
        return webpSize(bytes);
      case 'avif':
        return avifSize(bytes);
      case 'svg':
        return svgSize(bytes);
      default:
        return unknownSize;
    }
  } catch {
    // A header too short or malformed to read: the size is unknown (shown as such).
    return unknownSize;
  }
}

function size(width: number, height: number): ImageSize {
  return width > 0 && height > 0 ? { width, height } : unknownSize;
}

function jpegSize(bytes: Uint8Array): ImageSize {
  let offset = 2;
  while (offset + 9 < bytes.length) {
    if (bytes[offset] !== 0xff) return unknownSize;
    const marker = bytes[offset + 1] as number;
    if (marker === 0xff) {
      offset++;
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2;
      continue;
    }
    const length = readUint16(bytes, offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return size(readUint16(bytes, offset + 7), readUint16(bytes, offset + 5));
    if (marker === 0xda || length < 2) return unknownSize;
    offset += 2 + length;
  }
  return unknownSize;
}

function webpSize(bytes: Uint8Array): ImageSize {
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    return size(1 + readUint24LE(bytes, 24), 1 + readUint24LE(bytes, 27));
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const b1 = bytes[21] as number;
    const b2 = bytes[22] as number;
    const b3 = bytes[23] as number;
    const b4 = bytes[24] as number;
    return size(1 + (((b2 & 0x3f) << 8) | b1), 1 + (((b4 & 0x0f) << 10) | (b3 << 2) | ((b2 & 0xc0) >> 6)));
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return size(readUint16LE(bytes, 26) & 0x3fff, readUint16LE(bytes, 28) & 0x3fff);
  }
  return unknownSize;
}

function avifSize(bytes: Uint8Array): ImageSize {
  const limit = Math.min(bytes.length - 16, 64 * 1024);
  for (let offset = 0; offset <= limit; offset++) {
    if (bytes[offset] === 0x69 && ascii(bytes, offset, offset + 4) === 'ispe') {
      return size(readUint32(bytes, offset + 8), readUint32(bytes, offset + 12));
    }
  }
  return unknownSize;
}

function svgSize(bytes: Uint8Array): ImageSize {
  const text = new TextDecoder().decode(bytes.subarray(0, 8192));
  const tag = /<svg\b[^>]*>/i.exec(text)?.[0];
  if (!tag) return unknownSize;
  const attribute = (name: string): string | null =>
    new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1] ?? null;
  const pixels = (value: string | null): number | null => {
    const match = value === null ? null : /^\s*([0-9.]+)\s*(px)?\s*$/.exec(value);
    return match ? Math.round(Number(match[1])) : null;
  };
  const width = pixels(attribute('width'));
  const height = pixels(attribute('height'));
  if (width && height) return { width, height };
  const box = attribute('viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (box && box.length === 4 && box.every(Number.isFinite)) {
    return size(Math.round(box[2] as number), Math.round(box[3] as number));
  }
  return unknownSize;
}

function isSvg(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return false;
  let text = new TextDecoder('utf-8', { fatal: false }).decode(head).replace(/^\uFEFF/, '');
  // Skip what may come before the root element: the XML declaration, comments, a doctype, spaces.
  for (;;) {
    const trimmed = text.trimStart();
    const skip = /^(<\?xml[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>)/i.exec(trimmed);
    if (!skip) {
      text = trimmed;
      break;
    }
    text = trimmed.slice(skip[0].length);
  }
  return /^<svg[\s>]/i.test(text) || /^<svg:svg[\s>]/i.test(text);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  if (bytes.length < end) return '';
  return String.fromCharCode(...bytes.subarray(start, end));
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] as number) << 24) >>> 0) +
    ((bytes[offset + 1] as number) << 16) +
    ((bytes[offset + 2] as number) << 8) +
    (bytes[offset + 3] as number)
  );
}

function readUint16(bytes: Uint8Array, offset: number): number {
  return ((bytes[offset] as number) << 8) | (bytes[offset + 1] as number);
}

function readUint16LE(bytes: Uint8Array, offset: number): number {
  return (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8);
}

function readUint24LE(bytes: Uint8Array, offset: number): number {
  return (
    (bytes[offset] as number) | ((bytes[offset + 1] as number) << 8) | ((bytes[offset + 2] as number) << 16)
  );
}
