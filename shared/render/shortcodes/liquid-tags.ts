import { escapeHtml, highlightCode } from '../code/highlight-code';
import type { Fragment, RenderHooks } from './hugo-shortcodes';
import { argLabels, blockHtml, chipHtml, markdownSafeUrl } from './placeholders';
import { isControlTag, splitArgs, type TemplateTag } from './scan-tags';
import { findPost, lookupParam, paramText, type TemplateContext } from './template-context';

const html = (markup: string, block = true): Fragment => ({ kind: 'html', html: markup, block });

/** The URL a Jekyll `post_url` or `link` names, with the site's base path; null when no such post. */
export function liquidLinkUrl(name: string, target: string, context: TemplateContext): string | null {
  const clean = target.trim().replace(/^["']|["']$/g, '');
  const post = findPost(context.site.posts, clean, context.postId);
  if (post) return `${context.site.basePath.replace(/\/+$/, '')}${post.url}`;
  if (name === 'link') {
    const page = clean.replace(/^\/+/, '').replace(/\.(md|markdown)$/i, '.html');
    return `${context.site.basePath.replace(/\/+$/, '')}/${page}`;
  }
  return null;
}

/** The value of an output expression's head (`site.baseurl`, `page.title`, a string literal), or undefined. */
function headValue(head: string, context: TemplateContext): string | undefined {
  const literal = /^(["'])(.*)\1$/s.exec(head);
  if (literal) return literal[2];
  if (head === 'site.baseurl') return context.site.basePath;
  if (head === 'site.url') return context.site.baseUrl.replace(/\/+$/, '');
  if (head.startsWith('site.')) {
    const value = lookupParam(context.site.params, head.slice(5));
    return value === undefined ? undefined : paramText(value);
  }
  if (head.startsWith('page.')) {
    const value = lookupParam(context.page, head.slice(5));
    return value === undefined ? undefined : paramText(value);
  }
  return undefined;
}

/** Renders an output tag: known values (`site.baseurl`, `site.url`, url filters) as text, else a chip with the expression. */
export function renderOutput(tag: TemplateTag, context: TemplateContext): Fragment {
  const [head = '', ...filters] = tag.markup.split('|').map((part) => part.trim());
  let value = headValue(head, context);
  for (const filter of filters) {
    if (value === undefined) break;
    const name = filter.split(/[\s:]/)[0];
    const base = context.site.basePath.replace(/\/+$/, '');
    if (name === 'relative_url' || name === 'url') value = `${base}/${value.replace(/^\/+/, '')}`;
    else if (name === 'absolute_url') {
      value = `${context.site.baseUrl.replace(/\/+$/, '')}${base}/${value.replace(/^\/+/, '')}`;
    } else if (filter === 'prepend: site.baseurl') value = `${base}${value}`;
    else value = undefined;
  }
  if (value === undefined) return html(chipHtml(`{{ ${tag.markup} }}`, [], 'pd-sc-output'), false);
  if (/^(https?:|\/)/.test(value)) return { kind: 'text', text: markdownSafeUrl(value) };
  return html(escapeHtml(value), false);
}

/** Renders a Liquid/Nunjucks tag without inner content: links resolved, includes and shortcodes as labelled placeholders. */
export function renderLiquidTag(tag: TemplateTag, context: TemplateContext): Fragment {
  const target = tag.args.positional[0] ?? '';
  switch (tag.name) {
    case 'post_url':
    case 'link': {
      const url = liquidLinkUrl(tag.name, target, context);
      return { kind: 'text', text: markdownSafeUrl(url ?? `#missing-${tag.name}-${target}`) };
    }
    case 'image': {
      const alt = tag.args.positional[1] ?? tag.args.named.alt ?? '';
      const img = `<img src="${escapeHtml(target)}" alt="${escapeHtml(alt)}">`;
      return html(
        `<figure class="pd-figure pd-sc-image">${img}<figcaption>${chipHtml('image', argLabels(tag.args), 'pd-sc-liquid')}</figcaption></figure>`,
      );
    }
    case 'include':
    case 'include_relative':
    case 'render':
    case 'include_cached':
      return html(
        blockHtml(
          `${tag.name} ${target}`,
          argLabels({ ...tag.args, positional: tag.args.positional.slice(1) }),
          '',
        ),
        true,
      );
    default:
      if (isControlTag(tag.name)) return html(chipHtml(`{% ${tag.markup} %}`, [], 'pd-sc-control'), false);
      return html(chipHtml(tag.name, argLabels(tag.args), 'pd-sc-liquid'), false);
  }
}

/** Renders a paired Liquid/Nunjucks tag: highlight, raw (as written), comment (nothing), else a labelled block. */
export function renderLiquidPaired(tag: TemplateTag, inner: string, hooks: RenderHooks): Fragment {
  switch (tag.name) {
    case 'highlight': {
      const words = splitArgs(tag.markup, true).slice(1);
      return html(highlightCode(inner.replace(/^\r?\n/, '').replace(/\r?\n$/, ''), words[0]?.value));
    }
    case 'raw':
      return { kind: 'text', text: inner };
    case 'comment':
      return { kind: 'text', text: '' };
    default:
      return html(blockHtml(tag.name, argLabels(tag.args), hooks.markdown(inner), 'pd-sc-liquid'));
  }
}
