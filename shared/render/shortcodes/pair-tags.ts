import { isControlTag, type TemplateTag } from './scan-tags';

/** Shortcodes and tags that always take a closing tag (an opener without one is a problem). */
const needsClose: Record<'shortcode' | 'tag', ReadonlySet<string>> = {
  shortcode: new Set(['highlight', 'details']),
  tag: new Set(['highlight', 'raw', 'comment', 'capture']),
};

/** How the tags of a body pair up: opener index to closer index, closers without an opener, openers left open. */
export interface TagPairs {
  pairs: Map<number, number>;
  stray: number[];
  unclosed: number[];
}

/** The name an opener of `tag` would have, or null when `tag` closes nothing. */
function closedName(tag: TemplateTag): string | null {
  if (tag.kind === 'shortcode') return tag.closing ? tag.name : null;
  if (tag.kind === 'tag' && tag.closing && !isControlTag(tag.name)) return tag.name.slice(3);
  return null;
}

function opens(tag: TemplateTag): boolean {
  if (tag.kind === 'shortcode') return !tag.closing && !tag.selfClosing;
  return tag.kind === 'tag' && !tag.closing && !isControlTag(tag.name);
}

/** True when `tag` must be closed (`highlight`, `details`, `raw`...). */
export function mustClose(tag: TemplateTag): boolean {
  return (tag.kind === 'shortcode' || tag.kind === 'tag') && needsClose[tag.kind].has(tag.name);
}

/**
 * Pairs openers with closers in one pass over the tags with a stack (amortised linear): a closer
 * takes the nearest open tag of its name; the open tags it passes over stay unpaired (a shortcode
 * that takes no inner content) or, when they must be closed, are reported as unclosed.
 */
export function pairTags(tags: readonly TemplateTag[]): TagPairs {
  const stack: number[] = [];
  const openCount = new Map<string, number>();
  const keyOf = (tag: TemplateTag, name: string): string => `${tag.kind}:${name}`;
  const result: TagPairs = { pairs: new Map(), stray: [], unclosed: [] };
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]!;
    const closes = closedName(tag);
    if (closes !== null) {
      const key = keyOf(tag, closes);
      if ((openCount.get(key) ?? 0) === 0) {
        result.stray.push(index);
        continue;
      }
      for (;;) {
        const top = stack.pop()!;
        const opener = tags[top]!;
        const topKey = keyOf(opener, opener.name);
        openCount.set(topKey, (openCount.get(topKey) ?? 1) - 1);
        if (topKey === key) {
          result.pairs.set(top, index);
          break;
        }
        if (mustClose(opener)) result.unclosed.push(top);
      }
    } else if (opens(tag)) {
      stack.push(index);
      const key = keyOf(tag, tag.name);
      openCount.set(key, (openCount.get(key) ?? 0) + 1);
    }
  }
  for (const index of stack) if (mustClose(tags[index]!)) result.unclosed.push(index);
  result.unclosed.sort((a, b) => a - b);
  return result;
}
