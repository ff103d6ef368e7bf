import { renderBody } from '../../../../../shared/render/render-body';
import type {
  SiteRenderFacts,
  TemplateContext,
} from '../../../../../shared/render/shortcodes/template-context';

/** A site with two posts, params and a base URL, as the tests render against. */
export const hugoSite: SiteRenderFacts = {
  dialects: { hugo: true, liquid: false },
  baseUrl: 'https://example.org/',
  basePath: '',
  params: { author: 'Site Author', social: { mastodon: '@me' } },
  posts: [
    { id: 'content/posts/first.md', url: '/posts/first/' },
    { id: 'content/posts/bundle/index.md', url: '/posts/bundle/' },
  ],
  math: false,
  highlightStyle: null,
};

/** A Jekyll site with a base path and two posts. */
export const jekyllSite: SiteRenderFacts = {
  ...hugoSite,
  dialects: { hugo: false, liquid: true },
  baseUrl: 'https://blog.example.org',
  basePath: '/blog',
  params: { title: 'My Blog' },
  posts: [{ id: '_posts/2020-01-02-hello.md', url: '/2020/01/02/hello.html' }],
};

/** Renders a Markdown body with its templates against `site`. */
export function render(
  body: string,
  site: SiteRenderFacts = hugoSite,
  page: Record<string, unknown> = {},
): string {
  const context: TemplateContext = { site, page, postId: 'content/posts/first.md' };
  return renderBody(body, 'markdown', { templates: context });
}
