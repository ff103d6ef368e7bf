/**
 * Keeps the preview document from navigating anything: every click (and middle click) on a link
 * inside it is handled here, in the parent. http(s) links open outside the app (the desktop shell
 * hands window.open to the OS browser; browser mode opens a new tab); `#fragment` links scroll the
 * preview; everything else is ignored. Submits are cancelled too. Answers a function that detaches.
 */
export function guardPreviewLinks(document: Document, openExternal: (url: string) => void): () => void {
  const onClick = (event: MouseEvent): void => {
    const target = event.target as Element | null;
    const anchor = target?.closest?.('a, area');
    if (!anchor && event.type === 'click') return;
    event.preventDefault();
    if (!anchor || (event.type === 'auxclick' && event.button !== 1)) return;
    const href = (anchor.getAttribute('href') ?? '').trim();
    if (href.startsWith('#')) {
      const name = decodeURIComponent(href.slice(1));
      const destination = document.getElementById(name) ?? document.getElementsByName(name)[0];
      destination?.scrollIntoView();
      return;
    }
    const url = externalUrl(href);
    if (url !== null) openExternal(url);
  };
  const cancel = (event: Event): void => event.preventDefault();
  document.addEventListener('click', onClick, true);
  document.addEventListener('auxclick', onClick, true);
  document.addEventListener('submit', cancel, true);
  document.addEventListener('dragstart', cancel, true);
  return () => {
    document.removeEventListener('click', onClick, true);
    document.removeEventListener('auxclick', onClick, true);
    document.removeEventListener('submit', cancel, true);
    document.removeEventListener('dragstart', cancel, true);
  };
}

/** The absolute http(s) URL a link names, or null for any other scheme or a relative link. */
export function externalUrl(href: string): string | null {
  if (!/^https?:\/\//i.test(href)) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Opens an http(s) URL outside the app: a new tab in browser mode, the OS browser in the desktop app. */
export function openExternalUrl(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}
