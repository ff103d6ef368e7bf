import { execFile } from 'node:child_process';
import type { Handlers, SiteInfo } from '../../../shared/api';
import { PostdeskError } from '../../../shared/errors';
import { HugoServer } from './hugo-server';
import { readPreviewFacts } from './preview-facts';

type SitePreviewHandlers = Pick<Handlers, 'previewFacts' | 'sitePreviewShow' | 'sitePreviewStop'>;

/** How to get each generator, for the tab to say when it is not installed. */
export const installHints: Record<SiteInfo['generator'], string> = {
  hugo: 'Install Hugo to see the site as it builds it: `sudo apt install hugo` (Debian/Ubuntu), `brew install hugo` (macOS) or `winget install Hugo.Hugo.Extended` (Windows), then reopen the tab.',
  jekyll:
    'Site preview runs Hugo sites for now. For this Jekyll site, run `bundle exec jekyll serve` in its folder (install Ruby and Bundler first).',
  eleventy:
    'Site preview runs Hugo sites for now. For this Eleventy site, run `npx @11ty/eleventy --serve` in its folder.',
  astro:
    'Site preview runs Hugo sites for now. For this Astro site, run `npx astro dev` in its folder (Astro needs Node.js 22.12 or newer).',
  configured:
    'Site preview runs Hugo sites for now. For Eleventy run `npx @11ty/eleventy --serve`, for Astro `npx astro dev`, in the site folder.',
  plain: 'Site preview runs Hugo sites for now; this folder has no generator configuration Postdesk knows.',
};

/** True when `command version` runs (the generator is installed). */
function installed(command: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(command, ['version'], { timeout: 10_000 }, (error) => resolve(error === null));
  });
}

/** The Site preview part of the library: its handlers, and what the library calls when the site changes or closes. */
export interface SitePreview {
  handlers: SitePreviewHandlers;
  /** Stops the server of the previous site (call when another site opens or the library closes). */
  stop(): Promise<void>;
}

/**
 * Creates the Site preview's handlers over the library's open site: facts for the instant preview,
 * and one loopback `hugo server` per open site, started on first use and stopped with the site.
 */
export function createSitePreview(
  openSite: () => { info: SiteInfo; postIds: () => string[] } | null,
  options: { hugoCommand?: string } = {},
): SitePreview {
  const command = options.hugoCommand ?? process.env.POSTDESK_HUGO ?? 'hugo';
  let server: { root: string; instance: HugoServer } | null = null;
  let hugoInstalled: Promise<boolean> | null = null;

  const current = (): { info: SiteInfo; postIds: () => string[] } => {
    const site = openSite();
    if (!site) throw new PostdeskError('no-site', 'No site is open.');
    return site;
  };

  const stop = async (): Promise<void> => {
    const running = server;
    server = null;
    await running?.instance.stop();
  };

  return {
    stop,
    handlers: {
      async previewFacts() {
        const site = current();
        return readPreviewFacts(site.info, site.postIds());
      },
      async sitePreviewShow({ postId, text }) {
        const { info } = current();
        if (server && server.root !== info.root) await stop();
        if (info.generator !== 'hugo')
          return { status: 'unavailable', message: installHints[info.generator] };
        hugoInstalled ??= installed(command);
        if (!(await hugoInstalled)) {
          hugoInstalled = null;
          return { status: 'unavailable', message: installHints.hugo };
        }
        server ??= { root: info.root, instance: new HugoServer(info, command) };
        return server.instance.show(postId, text);
      },
      async sitePreviewStop() {
        await stop();
        return null;
      },
    },
  };
}
