import { useCallback, useMemo, useState } from 'react';
import type { BodyKind, FrontMatterFormat, PostdeskApi, PostSummary, SiteInfo } from '../../../shared/api';
import { parseFrontMatter } from '../../../shared/post/parse-front-matter';
import { postHeader } from '../../../shared/render/post-header';
import type { TemplateContext } from '../../../shared/render/shortcodes/template-context';
import { unknownSite } from '../../../shared/render/shortcodes/template-context';
import { codeStylesheet } from './code-styles';
import { PreviewFrame } from './preview-frame';
import type { UrlRewriter } from './sanitize-html';
import { SitePreviewPane } from './site-preview-pane';
import { usePreviewFacts } from './use-preview-facts';
import { useResolvedTheme } from './use-resolved-theme';
import './preview.css';

/** Which preview is shown: the instant one (rendered here) or the site's generator's page. */
type PreviewTab = 'instant' | 'site';

/**
 * The preview column: the instant preview (Markdown, shortcodes and Liquid tags rendered in
 * Postdesk, sanitised) and, in a tab beside it, the Site preview (the page as the generator builds it).
 */
export function PreviewTabs(props: {
  api: PostdeskApi;
  site: SiteInfo | null;
  posts: readonly PostSummary[];
  postId: string;
  text: string;
  frontMatter: { raw: string; format: FrontMatterFormat | null };
  body: string;
  kind: BodyKind;
  rewriteImage: UrlRewriter;
  stylesheetUrl: string | null;
  /** An MDX body: components shown as labelled placeholders, import/export lines left out. */
  mdx?: boolean;
}) {
  const { api, site, posts, postId, frontMatter } = props;
  const [tab, setTab] = useState<PreviewTab>('instant');
  const facts = usePreviewFacts(api, site, posts);
  const theme = useResolvedTheme();
  const templates = useMemo<TemplateContext>(() => {
    const parsed = frontMatter.format ? parseFrontMatter(frontMatter.raw, frontMatter.format) : null;
    const page = parsed?.ok ? parsed.data : {};
    const siteFacts = facts ?? {
      ...unknownSite,
      dialects: { hugo: site?.generator !== 'jekyll', liquid: site?.generator !== 'hugo' },
    };
    return { site: { ...siteFacts, math: siteFacts.math || page.math === true }, page, postId };
  }, [facts, frontMatter.raw, frontMatter.format, postId, site]);
  const header = useMemo(() => postHeader(templates.page, templates.site.params), [templates]);
  const codeStyle = codeStylesheet(facts?.highlightStyle ?? null, theme);
  // Jekyll URLs carry the site's base path (`{{ site.baseurl }}/assets/x.png`): files are found without it.
  const basePath = facts?.basePath ?? '';
  const { rewriteImage } = props;
  const rewrite = useCallback<UrlRewriter>(
    (src) =>
      rewriteImage(basePath !== '' && src.startsWith(`${basePath}/`) ? src.slice(basePath.length) : src),
    [basePath, rewriteImage],
  );

  const tabs = (
    <div className="preview-tabs" role="tablist" aria-label="Preview">
      <button type="button" role="tab" aria-selected={tab === 'instant'} onClick={() => setTab('instant')}>
        Preview
      </button>
      <button type="button" role="tab" aria-selected={tab === 'site'} onClick={() => setTab('site')}>
        Site preview
      </button>
    </div>
  );
  if (tab === 'site') {
    return (
      <div className="preview-pane">
        <div className="preview-toolbar">{tabs}</div>
        <SitePreviewPane api={api} postId={postId} text={props.text} />
      </div>
    );
  }
  return (
    <PreviewFrame
      body={props.body}
      kind={props.kind}
      rewriteImage={rewrite}
      stylesheetUrl={props.stylesheetUrl}
      templates={templates}
      codeStyle={codeStyle}
      toolbar={tabs}
      mdx={props.mdx ?? false}
      header={header}
      dark={theme === 'dark'}
    />
  );
}
