import type { EventName, EventPayload, SiteInfo } from '../../../shared/api';
import type { searchMethods } from '../../../shared/api-search';
import type { z } from 'zod';
import type { PostIndex } from '../post-index';
import type { PostStore } from '../post-store';
import { SearchIndex } from './search-index';
import { searchIndex } from './search-query';
import { SiteReplace } from './search-replace';

type SearchMethods = typeof searchMethods;
/** The handlers of the search rows of the contract. */
export type SearchHandlers = {
  [M in keyof SearchMethods]: (
    args: z.output<SearchMethods[M]['args']>,
  ) => Promise<SearchMethods[M]['result']>;
};

/** What the search handlers need of the open site. */
export interface SearchSite {
  info: SiteInfo;
  index: PostIndex;
  store: PostStore;
}

interface SiteSearch {
  index: SearchIndex;
  replace: SiteReplace;
}

/**
 * The search and replace handlers of the library: one search index per open site (built in the
 * background on first use, kept up to date from the post index), queries, and replace with undo.
 */
export function createSearchHandlers(
  site: () => SearchSite,
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void,
): SearchHandlers {
  const bySite = new WeakMap<SearchSite, SiteSearch>();
  const searchOf = (open: SearchSite): SiteSearch => {
    let found = bySite.get(open);
    if (!found) {
      const index = new SearchIndex(
        {
          site: open.info,
          summaries: () => open.index.all(),
          summary: (id) => open.index.cached(id),
          refresh: () => open.index.refresh(),
        },
        (status) => {
          if (site() === open) emit('searchIndexProgress', status);
        },
      );
      const replace = new SiteReplace(() => ({
        root: open.info.root,
        store: open.store,
        index,
        summary: (id) => open.index.cached(id),
        async changed(id) {
          await open.index.summaryOf(id);
          await index.update(id);
        },
      }));
      found = { index, replace };
      bySite.set(open, found);
    }
    return found;
  };
  return {
    async searchIndexStatus() {
      const { index } = searchOf(site());
      void index.build().catch(() => undefined);
      return index.status();
    },
    async searchPosts(search) {
      const open = site();
      return searchIndex(searchOf(open).index, (id) => open.index.cached(id), search);
    },
    async previewReplace({ search, replacement }) {
      return searchOf(site()).replace.preview(search, replacement);
    },
    async applyReplace({ search, replacement, files }) {
      return searchOf(site()).replace.apply(search, replacement, files);
    },
    async undoReplace({ undoId }) {
      return searchOf(site()).replace.undoReplace(undoId);
    },
  };
}
