import { z } from 'zod';
import { returns, SitePath } from './contract/schemas';

/**
 * The contract rows of the writer's image housekeeping (shared/api.ts spreads `imagesMethods`):
 * images added to a post that was then closed or reloaded without being saved are removed again.
 */
export const imagesMethods = {
  /**
   * Removes images this session added (importImage) that the post never kept: only files added
   * through importImage since the site was opened are touched; other ids are left and not answered.
   */
  discardImages: {
    args: z.object({ ids: z.array(SitePath).max(1000) }).strict(),
    result: returns<{ removed: string[] }>(),
  },
} as const;

/** The events of the image housekeeping (none). */
export const imagesEvents = {} as const;
