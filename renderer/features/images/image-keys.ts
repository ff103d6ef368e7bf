/** Front matter keys that usually hold one image path (Hugo, Jekyll and theme conventions). */
export const imageFieldKeys: ReadonlySet<string> = new Set([
  'image',
  'images',
  'cover',
  'cover_image',
  'coverimage',
  'featured_image',
  'featuredimage',
  'featureimage',
  'feature_image',
  'thumbnail',
  'thumb',
  'banner',
  'hero',
  'hero_image',
  'header_image',
  'og_image',
  'social_image',
  'avatar',
  'logo',
]);

const imagePath = /\.(png|jpe?g|jpe|gif|webp|avif|svg)([?#].*)?$/i;

/**
 * True when a front matter entry should get an image field: a string (or empty) value under a key
 * such as image, cover, featured_image or thumbnail (any case, dashes or underscores), or any
 * string value that is a path ending in an image extension.
 */
export function isImageField(key: string, value: unknown): boolean {
  if (value !== null && value !== undefined && typeof value !== 'string') return false;
  const normalized = key.toLowerCase().replace(/-/g, '_');
  if (imageFieldKeys.has(normalized) || imageFieldKeys.has(normalized.replace(/_/g, ''))) return true;
  return typeof value === 'string' && !/\s/.test(value.trim()) && imagePath.test(value.trim());
}
