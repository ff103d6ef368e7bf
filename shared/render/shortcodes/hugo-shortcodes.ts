import { escapeHtml, highlightCode } from '../code/highlight-code';
import { argLabels, blockHtml, chipHtml, embedHtml, markdownSafeUrl } from './placeholders';
import type { TagArgs, TemplateTag } from './scan-tags';
import { findPost, lookupParam, paramText, type TemplateContext } from './template-context';

/** What a tag becomes: text put back into the Markdown source, or HTML (block or inline). */
export type Fragment = { kind: 'text'; text: string } | { kind: 'html'; html: string; block: boolean };

/** How a tag renders the Markdown of its inner content or caption (given by the body renderer). */
export interface RenderHooks {
  /** Renders Markdown (with its own templates) to HTML; NOT sanitised. */
  markdown(source: string): string;
  /** Renders one line of Markdown inline, HTML escaped first (for captions and summaries). */
  inline(text: string): string;
}

const arg = (args: TagArgs, name: string, position = -1): string | undefined =>
  args.named[name] ?? (position >= 0 ? args.positional[position] : undefined);

const html = (markup: string, block = true): Fragment => ({ kind: 'html', html: markup, block });

/** The URL of a post for ref (absolute, with the base URL) or relref (the path); null when missing. */
export function refUrl(target: string, context: TemplateContext, absolute: boolean): string | null {
  const post = findPost(context.site.posts, target, context.postId);
  if (!post) return null;
  const anchor = target.includes('#') ? target.slice(target.indexOf('#')) : '';
  const base = absolute ? context.site.baseUrl.replace(/\/+$/, '') : '';
  return `${base}${post.url}${anchor}`;
}

/** Removes the comment form's markers inside raw code (Hugo shows the commented form as the plain one). */
export function uncommentShortcodes(code: string): string {
  return code.replace(/\{\{([<%])\/\*/g, '{{$1').replace(/\*\/([>%])\}\}/g, '$1}}');
}

function figure(args: TagArgs, hooks: RenderHooks): string {
  const src = arg(args, 'src', 0) ?? '';
  const alt = arg(args, 'alt') ?? arg(args, 'caption') ?? '';
  const attrs = [`src="${escapeHtml(src)}"`, `alt="${escapeHtml(alt)}"`];
  for (const name of ['title', 'width', 'height', 'loading'] as const) {
    const value = arg(args, name);
    if (value !== undefined && (name === 'title' || /^[0-9a-z%.]{1,12}$/i.test(value))) {
      attrs.push(`${name}="${escapeHtml(value)}"`);
    }
  }
  let image = `<img ${attrs.join(' ')}>`;
  const link = arg(args, 'link');
  if (link !== undefined) image = `<a href="${escapeHtml(link)}">${image}</a>`;
  const title = arg(args, 'title');
  const caption = arg(args, 'caption');
  const attr = arg(args, 'attr');
  const parts: string[] = [];
  if (title !== undefined) parts.push(`<h4>${escapeHtml(title)}</h4>`);
  if (caption !== undefined || attr !== undefined) {
    parts.push(
      `<p>${caption === undefined ? '' : hooks.inline(caption)}${attr === undefined ? '' : ` ${hooks.inline(attr)}`}</p>`,
    );
  }
  const cls = arg(args, 'class');
  const classes = cls === undefined ? 'pd-figure' : `pd-figure ${escapeHtml(cls)}`;
  const figcaption = parts.length === 0 ? '' : `<figcaption>${parts.join('')}</figcaption>`;
  return `<figure class="${classes}">${image}${figcaption}</figure>`;
}

/** Renders a Hugo shortcode without inner content (a built-in, else a labelled chip). */
export function renderHugoShortcode(
  tag: TemplateTag,
  context: TemplateContext,
  hooks: RenderHooks,
): Fragment {
  const { args } = tag;
  const first = args.positional[0] ?? '';
  switch (tag.name) {
    case 'figure':
      return html(figure(args, hooks));
    case 'youtube': {
      const id = arg(args, 'id', 0) ?? '';
      const title = arg(args, 'title');
      return html(
        embedHtml(
          'youtube',
          title === undefined ? 'YouTube video' : `YouTube video: ${title}`,
          id,
          `https://www.youtube.com/watch?v=${encodeURIComponent(id)}`,
        ),
      );
    }
    case 'vimeo': {
      const id = arg(args, 'id', 0) ?? '';
      const title = arg(args, 'title');
      return html(
        embedHtml(
          'vimeo',
          title === undefined ? 'Vimeo video' : `Vimeo video: ${title}`,
          id,
          `https://vimeo.com/${encodeURIComponent(id)}`,
        ),
      );
    }
    case 'x':
    case 'tweet':
    case 'twitter': {
      const user = arg(args, 'user', 0) ?? '';
      const id = arg(args, 'id', 1) ?? '';
      const url = `https://x.com/${encodeURIComponent(user)}/status/${encodeURIComponent(id)}`;
      return html(embedHtml('x', `Post on X by @${user}`, id, url));
    }
    case 'instagram': {
      const id = arg(args, 'id', 0) ?? '';
      return html(
        embedHtml(
          'instagram',
          'Instagram post',
          id,
          `https://www.instagram.com/p/${encodeURIComponent(id)}/`,
        ),
      );
    }
    case 'gist': {
      const user = arg(args, 'user', 0) ?? '';
      const id = arg(args, 'id', 1) ?? '';
      const file = arg(args, 'file', 2);
      const url = `https://gist.github.com/${encodeURIComponent(user)}/${encodeURIComponent(id)}`;
      return html(
        embedHtml('gist', file === undefined ? `Gist by ${user}` : `Gist by ${user}: ${file}`, id, url),
      );
    }
    case 'qr': {
      const text = arg(args, 'text', 0) ?? '';
      const url = /^https?:\/\//i.test(text) ? text : null;
      return html(embedHtml('qr', 'QR code', text, url));
    }
    case 'ref':
    case 'relref': {
      const target = arg(args, 'path', 0) ?? '';
      const url = refUrl(target, context, tag.name === 'ref');
      return { kind: 'text', text: markdownSafeUrl(url ?? `#missing-ref-${target}`) };
    }
    case 'param': {
      const key = arg(args, 'name', 0) ?? first;
      const value = lookupParam(context.page, key) ?? lookupParam(context.site.params, key);
      if (value === undefined) return html(chipHtml('param', [key, '(not set)'], 'pd-sc-missing'), false);
      return html(escapeHtml(paramText(value)), false);
    }
    case 'highlight':
      return html(highlightCode('', first));
    case 'details':
      return html(`<details><summary>${escapeHtml(arg(args, 'summary') ?? 'Details')}</summary></details>`);
    default:
      return html(chipHtml(tag.name, argLabels(args)), false);
  }
}

/** Renders a Hugo shortcode with inner content (highlight, details, or a labelled block around it). */
export function renderHugoPaired(
  tag: TemplateTag,
  inner: string,
  context: TemplateContext,
  hooks: RenderHooks,
): Fragment {
  const { args } = tag;
  if (tag.name === 'highlight') {
    return html(
      highlightCode(
        uncommentShortcodes(inner.replace(/^\r?\n/, '').replace(/\r?\n$/, '')),
        args.positional[0],
      ),
    );
  }
  if (tag.name === 'details') {
    const open = arg(args, 'open') === 'true' ? ' open' : '';
    const summary = arg(args, 'summary') ?? 'Details';
    return html(
      `<details${open}><summary>${hooks.inline(summary)}</summary>\n${hooks.markdown(inner)}\n</details>`,
    );
  }
  if (tag.name === 'figure' || tag.name === 'youtube' || tag.name === 'param') {
    return renderHugoShortcode(tag, context, hooks);
  }
  return html(blockHtml(tag.name, argLabels(args), hooks.markdown(inner)));
}
