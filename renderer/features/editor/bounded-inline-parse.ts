import type { BlockContext, LeafBlock, MarkdownConfig } from '@lezer/markdown';

/** A paragraph with more inline markers than this is highlighted as plain text. */
export const maxInlineMarkers = 400;
/** A paragraph longer than this is highlighted as plain text. */
export const maxInlineLength = 20_000;

// Characters that open or close inline syntax (emphasis, links, images, code, escapes, HTML).
const markerCodes = new Set([42, 95, 91, 93, 33, 96, 92, 60, 126]);

/** True when `text` is too long, or holds too many inline markers, for the inline parser. */
export function tooCostlyInline(text: string): boolean {
  if (text.length > maxInlineLength) return true;
  let markers = 0;
  for (let index = 0; index < text.length; index++) {
    if (markerCodes.has(text.charCodeAt(index)) && ++markers > maxInlineMarkers) return true;
  }
  return false;
}

/**
 * Keeps the editor's Markdown parse linear: @lezer/markdown's inline parser is super-linear on
 * some text (a 120 KB paragraph of `*a` took over 40 s of the page's main thread, and cannot be
 * interrupted), so a paragraph too long or too full of markers is kept as a paragraph without
 * inline highlighting; every other paragraph parses as before.
 */
export const boundedInlineParse: MarkdownConfig = {
  parseBlock: [
    {
      name: 'BoundedInline',
      leaf: () => ({
        nextLine: () => false,
        finish(cx: BlockContext, leaf: LeafBlock): boolean {
          if (!tooCostlyInline(leaf.content)) return false;
          cx.addLeafElement(leaf, cx.elt('Paragraph', leaf.start, leaf.start + leaf.content.length));
          return true;
        },
      }),
    },
  ],
};
