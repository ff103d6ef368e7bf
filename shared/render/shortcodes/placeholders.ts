import { escapeHtml } from '../code/highlight-code';
import type { TagArgs } from './scan-tags';

/** The arguments of a tag as `name` and `key=value` labels, in order, for a chip. */
export function argLabels(args: TagArgs): string[] {
  return [...args.positional, ...Object.entries(args.named).map(([key, value]) => `${key}=${value}`)];
}

/**
 * A labelled chip (inline): the tag's name and each argument as separate text spans, every piece
 * escaped (arguments are never HTML). `extraClass` tells the kind (`pd-sc-liquid`, `pd-sc-stray`).
 */
export function chipHtml(label: string, parts: readonly string[], extraClass = ''): string {
  const args = parts
    .slice(0, 24)
    .map((part) => `<span class="pd-sc-arg">${escapeHtml(part.slice(0, 300))}</span>`)
    .join(' ');
  const cls = extraClass === '' ? 'pd-sc' : `pd-sc ${extraClass}`;
  return `<span class="${cls}"><span class="pd-sc-name">${escapeHtml(label)}</span>${args === '' ? '' : ` ${args}`}</span>`;
}

/** A block placeholder: the chip as its head and the inner HTML (already rendered) below. */
export function blockHtml(
  label: string,
  parts: readonly string[],
  innerHtml: string,
  extraClass = '',
): string {
  const cls = extraClass === '' ? 'pd-sc-block' : `pd-sc-block ${extraClass}`;
  return `<div class="${cls}"><div class="pd-sc-head">${chipHtml(label, parts)}</div><div class="pd-sc-inner">\n${innerHtml}\n</div></div>`;
}

/** A labelled box for remote content (videos, posts, gists): its kind, id and a plain link, nothing loaded. */
export function embedHtml(kind: string, label: string, id: string, url: string | null): string {
  const link =
    url === null ? '' : `<a class="pd-embed-link" href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  return (
    `<div class="pd-embed pd-embed-${escapeHtml(kind)}"><span class="pd-embed-label">${escapeHtml(label)}</span>` +
    `<span class="pd-embed-id">${escapeHtml(id)}</span>${link}</div>`
  );
}

/** Percent-encodes what could end a Markdown link destination or start Markdown/HTML syntax in a URL. */
export function markdownSafeUrl(url: string): string {
  return url.replace(/[^A-Za-z0-9\-._~:/?#@!$&+,;=%]/g, (char) =>
    encodeURIComponent(char).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
  );
}
