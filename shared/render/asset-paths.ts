/**
 * Maps a URL found in a post body to the site-relative id of the file the generator would serve
 * for it, or null when it is not a local file: site-root paths (`/images/x.png`) come from the
 * static folder, relative paths from the post's own folder (page bundles).
 */
export function siteFileForUrl(url: string, staticDir: string | null, postId: string): string | null {
  const trimmed = url.trim();
  if (
    trimmed === '' ||
    /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ||
    trimmed.startsWith('//') ||
    trimmed.startsWith('#')
  ) {
    return null;
  }
  const pathPart = trimmed.split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return null;
  }
  const base = decoded.startsWith('/')
    ? staticDir === null
      ? null
      : staticDir === '.'
        ? ''
        : staticDir
    : postId.split('/').slice(0, -1).join('/');
  if (base === null) return null;
  const segments: string[] = base === '' ? [] : base.split('/');
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return null;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.length === 0 ? null : segments.join('/');
}
