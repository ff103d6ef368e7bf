import type { BodyKind } from '../api';
import { postOutline } from '../post/outline';
import type { Problem } from './problem';
import { findMarkdownLinks } from './site-refs';
import { attributeOf, findTags } from './problem';

/** The anchor Hugo and GitHub give a heading: lower case, punctuation dropped, spaces as `-`. */
export function headingAnchor(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/**
 * Links to an anchor of the same post (`[x](#part)`, `<a href="#part">`) that no heading (by its
 * anchor, or an explicit `{#id}`) nor element `id` of the body defines. `text` is the body with its
 * code masked (see maskCode), so links and ids inside code are not looked at. Linear.
 */
export function checkAnchors(text: string, kind: BodyKind): Problem[] {
  if (!text.includes('#')) return [];
  const targets: { url: string; from: number; to: number }[] = [];
  if (kind === 'markdown') {
    for (const link of findMarkdownLinks(text)) {
      const url = text.slice(link.urlFrom, link.urlTo);
      if (url.startsWith('#') && url.length > 1 && !link.image)
        targets.push({ url, from: link.urlFrom, to: link.urlTo });
    }
  }
  for (const tag of findTags(text, 'a')) {
    const href = attributeOf(tag, 'href');
    if (href && href.value.startsWith('#') && href.value.length > 1) {
      targets.push({ url: href.value, from: href.valueFrom, to: href.valueTo });
    }
  }
  if (targets.length === 0) return [];
  const known = new Set<string>();
  for (const heading of postOutline(text, kind)) {
    const custom = /\{#([^}\s]+)\}\s*$/.exec(heading.text);
    if (custom) known.add(custom[1]!);
    known.add(headingAnchor(heading.text.replace(/\{#[^}]*\}\s*$/, '')));
  }
  for (const match of text.matchAll(/\b(?:id|name)\s*=\s*["']([^"'<>\s]{1,200})["']/gi)) known.add(match[1]!);
  return targets
    .filter((target) => {
      let anchor = target.url.slice(1);
      try {
        anchor = decodeURIComponent(anchor);
      } catch {
        // Kept as written.
      }
      return !known.has(anchor);
    })
    .map((target) => ({
      code: 'broken-anchor' as const,
      from: target.from,
      to: target.to,
      severity: 'warning' as const,
      message: `This link points to ${target.url}, but no heading of this post has that anchor.`,
    }));
}
