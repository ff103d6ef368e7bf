import { useEffect, useState } from 'react';
import type { PostdeskApi, SiteInfo } from '../../../shared/api';

/**
 * The URL of the site stylesheet configured for the preview (`previewStylesheet` in
 * postdesk.config.json), loaded through the host's asset route; null when none is configured.
 */
export function usePreviewStylesheet(
  api: PostdeskApi,
  assetUrl: (id: string) => string,
  site: SiteInfo | null,
): string | null {
  const [loaded, setLoaded] = useState<{ site: SiteInfo; url: string | null } | null>(null);
  useEffect(() => {
    if (!site) return;
    let current = true;
    api
      .previewSettings({})
      .then((settings) => {
        if (current)
          setLoaded({ site, url: settings.stylesheet === null ? null : assetUrl(settings.stylesheet) });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, assetUrl, site]);
  return loaded && loaded.site === site ? loaded.url : null;
}
