import { siteFileForUrl } from '../render/asset-paths';
import { pairTags } from '../render/shortcodes/pair-tags';
import { scanTags, type TemplateTag } from '../render/shortcodes/scan-tags';
import type { Problem } from './problem';
import type { SiteRef } from './site-refs';

const bothDialects = { hugo: true, liquid: true };

const written = (tag: TemplateTag): string =>
  tag.kind === 'shortcode'
    ? `{{${tag.markdown ? '%' : '<'} ${tag.closing ? '/' : ''}${tag.name} ${tag.markdown ? '%' : '>'}}}`
    : `{% ${tag.name} %}`;

/**
 * Shortcodes and Liquid/Nunjucks tags that do not pair up: an opener that must be closed
 * (highlight, details, raw...) without its closer, or a closer without an opener. Unknown shortcodes are fine. One linear scan, then a stack.
 */
export function checkTemplates(body: string): Problem[] {
  if (!body.includes('{{') && !body.includes('{%')) return [];
  const tags = scanTags(body, bothDialects);
  if (tags.length === 0) return [];
  const { stray, unclosed } = pairTags(tags);
  const problems: Problem[] = [];
  for (const index of unclosed) {
    const tag = tags[index]!;
    problems.push({
      code: 'template-tag',
      from: tag.from,
      to: tag.to,
      severity: 'error',
      message: `${written(tag)} is opened here but never closed, so the rest of the post may not show.`,
    });
  }
  for (const index of stray) {
    const tag = tags[index]!;
    problems.push({
      code: 'template-tag',
      from: tag.from,
      to: tag.to,
      severity: 'error',
      message: `${written(tag)} closes nothing: there is no opening tag before it.`,
    });
  }
  return problems.sort((a, b) => a.from - b.from);
}

/**
 * The site files a body's template tags name, for the missing-file check: `figure` sources,
 * Liquid `include` files (in `_includes/` beside the static folder) and `ref`/`relref` targets
 * written as content paths (`/posts/x.md`, `./x.md`).
 */
export function templateSiteRefs(body: string, staticDir: string | null, postId: string): SiteRef[] {
  if (!body.includes('{{') && !body.includes('{%')) return [];
  const refs: SiteRef[] = [];
  const contentRoot = postId.includes('/') ? postId.slice(0, postId.indexOf('/')) : '';
  for (const tag of scanTags(body, bothDialects)) {
    if (refs.length >= 500) break;
    const first = tag.args.positional[0] ?? '';
    if (tag.kind === 'shortcode' && tag.name === 'figure' && !tag.closing) {
      const src = tag.args.named.src ?? first;
      const id = src === '' ? null : siteFileForUrl(src, staticDir, postId);
      if (id !== null) refs.push({ kind: 'image', url: src, id, from: tag.from, to: tag.to });
    } else if (tag.kind === 'shortcode' && (tag.name === 'ref' || tag.name === 'relref')) {
      const target = (tag.args.named.path ?? first).split('#')[0] ?? '';
      if (!/\.(md|markdown|html)$/i.test(target)) continue;
      const id = target.startsWith('/')
        ? siteFileForUrl(target, contentRoot === '' ? '.' : contentRoot, postId)
        : target.startsWith('./') || target.startsWith('../')
          ? siteFileForUrl(target, staticDir, postId)
          : null;
      if (id !== null)
        refs.push({ kind: 'link', url: `{{< ${tag.name} "${target}" >}}`, id, from: tag.from, to: tag.to });
    } else if (
      tag.kind === 'tag' &&
      tag.name === 'include' &&
      /^["']?[\w./-]+["']?$/.test(first) &&
      !first.includes('{')
    ) {
      const base = staticDir === null || staticDir === '.' ? '' : `${staticDir}/`;
      const name = first.replace(/^["']|["']$/g, '');
      if (name.split('/').includes('..')) continue;
      refs.push({
        kind: 'link',
        url: `{% include ${name} %}`,
        id: `${base}_includes/${name}`,
        from: tag.from,
        to: tag.to,
      });
    }
  }
  return refs;
}
