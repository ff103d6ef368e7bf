import { useEffect, useState } from 'react';
import type { PostdeskApi, PostSummary, SiteInfo } from '../../../shared/api';
import type { PreviewFacts } from '../../../shared/api-site-preview';

/**
 * What the open site tells the preview (template syntax, base URL, params, post URLs, math,
 * highlight style), asked again when the site or its list of posts changes; null until known.
 */
export function usePreviewFacts(
  api: PostdeskApi,
  site: SiteInfo | null,
  posts: readonly PostSummary[],
): PreviewFacts | null {
  const [facts, setFacts] = useState<{ site: SiteInfo; facts: PreviewFacts } | null>(null);
  const postKey = posts.map((post) => post.id).join('\n');
  useEffect(() => {
    if (!site) return;
    let current = true;
    api
      .previewFacts({})
      .then((answer) => {
        if (current) setFacts({ site, facts: answer });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, site, postKey]);
  return facts && facts.site === site ? facts.facts : null;
}
