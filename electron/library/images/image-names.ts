import type { ImageType } from '../../../shared/api';
import { imageExtensions } from './image-type';

const maxStemLength = 60;
/** Names that say nothing about the picture (what clipboards and cameras call files). */
const meaninglessStems =
  /^(image|img|blob|clipboard|pasted|paste|untitled|screenshot|file|photo|picture)(-\d+)?$/;

/**
 * Turns any text into a safe file-name stem: lowercase ASCII letters, digits and single dashes,
 * accents folded, at most 60 characters, never empty (`image`).
 */
export function safeStem(text: string): string {
  const stem = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxStemLength)
    .replace(/-+$/, '');
  return stem === '' ? 'image' : stem;
}

/**
 * The file name a new image gets: a safe stem from its original name (or from its alt text when
 * the name says nothing, as for pasted `image.png`), and the extension of its real type (keeping
 * the original spelling when it names the same type, e.g. `.jpeg`).
 */
export function imageFileName(originalName: string, type: ImageType, alt?: string): string {
  const base = originalName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const originalExtension = dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
  let stem = safeStem(dot > 0 ? base.slice(0, dot) : base);
  if (meaninglessStems.test(stem) && alt && safeStem(alt) !== 'image') stem = safeStem(alt);
  const known: string[] = imageExtensions[type] ?? [];
  const extension = known.includes(originalExtension) ? originalExtension : (known[0] ?? type);
  return `${stem}.${extension}`;
}

/** The n-th candidate for a name that is taken: `photo.png`, `photo-2.png`, `photo-3.png`... */
export function numberedName(fileName: string, n: number): string {
  if (n <= 1) return fileName;
  const dot = fileName.lastIndexOf('.');
  return `${fileName.slice(0, dot)}-${n}${fileName.slice(dot)}`;
}
