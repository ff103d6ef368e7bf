import { escapeHtml } from '../code/highlight-code';
import { renderHugoPaired, renderHugoShortcode, type Fragment, type RenderHooks } from './hugo-shortcodes';
import { renderLiquidPaired, renderLiquidTag, renderOutput } from './liquid-tags';
import { pairTags } from './pair-tags';
import { chipHtml } from './placeholders';
import { scanTags, type TemplateTag } from './scan-tags';
import type { TemplateContext } from './template-context';

/** A body with its template tags replaced: Markdown source with markers, and the HTML each marker stands for. */
export interface Expansion {
  source: string;
  fragments: { html: string; block: boolean }[];
}

const open = '\uE000';
const close = '\uE001';
// Marker digits are private-use characters too, so no highlighter or Markdown rule splits a marker.
const digitBase = 0xe010;

function marker(index: number): string {
  let digits = '';
  for (const char of index.toString(16)) digits += String.fromCharCode(digitBase + parseInt(char, 16));
  return `${open}${digits}${close}`;
}

/** Deeper nesting than this shows the inner content as text. */
const maxDepth = 8;

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** True when a body may hold template tags worth a scan (a cheap test before any work). */
export function mayHaveTemplates(body: string): boolean {
  return body.includes('{{') || body.includes('{%') || body.includes('{#');
}

/**
 * Replaces every template tag of a body (one linear scan, then pairing with a stack) by what it
 * renders to: values that belong in the Markdown (URLs of ref/post_url/site.baseurl) as text, the
 * rest as markers that `restoreFragments` turns into HTML after Markdown. Each replaced span keeps
 * its line breaks, so line numbers stay right. Inner content renders through `hooks.markdown`.
 */
export function expandTemplates(
  body: string,
  context: TemplateContext,
  hooks: RenderHooks,
  depth = 0,
  fragments: Expansion['fragments'] = [],
): Expansion {
  const clean =
    body.includes(open) || body.includes(close) ? body.replace(/[\uE000\uE001]/g, '\uFFFD') : body;
  if (!mayHaveTemplates(clean)) return { source: clean, fragments };
  const tags = scanTags(clean, context.site.dialects);
  if (tags.length === 0) return { source: clean, fragments };
  const { pairs } = pairTags(tags);
  const parts: string[] = [];
  let cursor = 0;
  for (let index = 0; index < tags.length; index++) {
    const tag = tags[index]!;
    if (tag.from < cursor) continue;
    parts.push(clean.slice(cursor, tag.from));
    const closer = pairs.get(index);
    const end = closer === undefined ? tag.to : tags[closer]!.to;
    const inner = closer === undefined ? '' : clean.slice(tag.to, tags[closer]!.from);
    const fragment =
      closer === undefined
        ? renderSingle(tag, context, hooks)
        : renderPaired(tag, inner, context, depth < maxDepth ? hooks : flatHooks);
    const breaks = countLineBreaks(clean.slice(tag.from, end));
    if (fragment.kind === 'text') {
      parts.push(fragment.text, fragment.text.includes('\n') ? '' : '\n'.repeat(breaks));
    } else {
      parts.push(marker(fragments.length), '\n'.repeat(breaks));
      fragments.push({ html: fragment.html, block: fragment.block });
    }
    cursor = end;
  }
  parts.push(clean.slice(cursor));
  return { source: parts.join(''), fragments };
}

const flatHooks: RenderHooks = {
  markdown: (source) => `<pre>${escapeHtml(source)}</pre>`,
  inline: (text) => escapeHtml(text),
};

function renderSingle(tag: TemplateTag, context: TemplateContext, hooks: RenderHooks): Fragment {
  switch (tag.kind) {
    case 'comment':
      return { kind: 'html', html: escapeHtml(tag.markup), block: false };
    case 'note':
      return { kind: 'text', text: '' };
    case 'output':
      return renderOutput(tag, context);
    case 'tag':
      if (tag.closing)
        return { kind: 'html', html: chipHtml(`{% ${tag.markup} %}`, [], 'pd-sc-stray'), block: false };
      return renderLiquidTag(tag, context);
    case 'shortcode':
      if (tag.closing)
        return { kind: 'html', html: chipHtml(`/${tag.name}`, [], 'pd-sc-stray'), block: false };
      return renderHugoShortcode(tag, context, hooks);
  }
}

function renderPaired(
  tag: TemplateTag,
  inner: string,
  context: TemplateContext,
  hooks: RenderHooks,
): Fragment {
  return tag.kind === 'shortcode'
    ? renderHugoPaired(tag, inner, context, hooks)
    : renderLiquidPaired(tag, inner, hooks);
}

const markerPattern = /(<p>)?\uE000([\uE010-\uE01F]+)\uE001(<\/p>)?/g;

/**
 * Puts the HTML of each marker into rendered HTML: a block fragment alone in a paragraph replaces
 * the paragraph; any other stays where its marker is. Linear (one pass of a pattern with no backtracking).
 */
export function restoreFragments(html: string, fragments: Expansion['fragments']): string {
  if (fragments.length === 0 || !html.includes(open)) return html;
  return html.replace(
    markerPattern,
    (_match, before: string | undefined, digits: string, after: string | undefined) => {
      let index = 0;
      for (const char of digits) index = index * 16 + (char.charCodeAt(0) - digitBase);
      const fragment = fragments[index];
      if (!fragment) return `${before ?? ''}${after ?? ''}`;
      if (fragment.block && before && after) return fragment.html;
      return `${before ?? ''}${fragment.html}${after ?? ''}`;
    },
  );
}
