import { z } from 'zod';
import { returns } from './contract/schemas';
import type { SiteRenderFacts } from './render/shortcodes/template-context';

/** What the instant preview and the content checks need to know of the open site. */
export interface PreviewFacts extends SiteRenderFacts {
  /** Site-relative names of the include files (Jekyll/Eleventy `_includes/`), for the content checks. */
  includes: string[];
}

/** Where the Site preview stands: serving the page, no generator installed, or the server failed. */
export type SitePreviewState =
  | {
      status: 'ready';
      /** The loopback URL of the post's page on the generator's dev server. */
      url: string;
      /** Grows with every rebuild the server reported (the frame reloads when it changes). */
      build: number;
      /** The server's error lines since its last good build. */
      errors: string[];
    }
  | { status: 'unavailable'; message: string }
  | { status: 'failed'; message: string; errors: string[] };

/** Longest buffer the Site preview shadows. */
const maxShadowText = 16 * 1024 * 1024;

const PostId = z
  .string()
  .min(1)
  .max(1024)
  .refine((id) => !id.includes('\u0000') && !id.split('/').includes('..'), 'not a site path');

/** The Site preview's and instant preview's contract methods (rows in the shape of the table in api.ts). */
export const sitePreviewMethods = {
  previewFacts: {
    args: z.object({}).strict(),
    result: returns<PreviewFacts>(),
  },
  sitePreviewShow: {
    args: z
      .object({
        /** The post whose page to show. */
        postId: PostId,
        /** The editor's text of that post (saved or not); it reaches the server through a shadow copy. */
        text: z.string().max(maxShadowText, 'the post is too large for the Site preview'),
      })
      .strict(),
    result: returns<SitePreviewState>(),
  },
  sitePreviewStop: {
    args: z.object({}).strict(),
    result: returns<null>(),
  },
} as const;

/** The Site preview's events (none: its state comes back from each call). */
export const sitePreviewEvents = {} as const;
