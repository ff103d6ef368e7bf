import type { EventName, EventPayload, Handlers, SiteInfo } from '../../../shared/api';
import type { searchMethods } from '../../../shared/api-search';
import type { PostIndex } from '../post-index';
import type { PostStore } from '../post-store';
import { SearchIndex } from './search-index';
import { searchIndex } from './search-query';
import { SiteReplace } from './search-replace';
import { countTaxonomies, taxonomyFields, taxonomyTextEdit, type TaxonomyEdit } from './taxonomy';
import { readSiteSchema } from '../site-schema';
import { bulkTextEdit } from './bulk-edit';
import { PostdeskError } from '../../../shared/errors';

/** The handlers of the search rows of the contract. */
export type SearchHandlers = Pick<Handlers, keyof typeof searchMethods>;

/** What the search handlers need of the open site. */
export interface SearchSite {
  info: SiteInfo;
  index: PostIndex;
  store: PostStore;
  /** Records a background failure in the diagnostics log (the site session's). */
  report?(operation: string, postId: string | null, error: unknown): void;
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
          refresh: () => open.index.listed(),
          generation: () => open.index.generation(),
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
        async changed(id, text, revision) {
          await open.index.summaryOf(id);
          index.written(id, text, revision);
        },
      }));
      found = { index, replace };
      bySite.set(open, found);
    }
    return found;
  };
  const groupsOf = async (open: SearchSite) => taxonomyFields((await readSiteSchema(open.info.root)).fields);
  const fieldsOf = async (open: SearchSite, edit: TaxonomyEdit): Promise<string[]> => {
    const fields = (await groupsOf(open))[edit.key];
    if (!fields) throw new PostdeskError('invalid-argument', `${edit.key} is not a taxonomy of this site.`);
    if (edit.action !== 'delete' && !edit.to) {
      throw new PostdeskError('invalid-argument', 'Give the new name of the value.');
    }
    return fields;
  };
  return {
    async searchIndexStatus() {
      const open = site();
      const { index } = searchOf(open);
      void index.build().catch((error: unknown) => open.report?.('search.build', null, error));
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
    async listTaxonomies() {
      const open = site();
      const { index } = searchOf(open);
      await index.sync();
      const groups = await groupsOf(open);
      return countTaxonomies(
        [...index.docs.values()].map((doc) => doc.text.slice(0, doc.bodyStart)),
        groups,
      );
    },
    async previewTaxonomyEdit(edit) {
      const open = site();
      const { index, replace } = searchOf(open);
      const fields = await fieldsOf(open, edit);
      await index.sync();
      const ids = [...index.docs.values()]
        .filter((doc) => edit.from.some((value) => doc.text.slice(0, doc.bodyStart).includes(value)))
        .map((doc) => doc.id)
        .sort();
      return replace.previewEdits(ids, taxonomyTextEdit(edit, fields));
    },
    async applyTaxonomyEdit({ edit, files }) {
      const open = site();
      const fields = await fieldsOf(open, edit);
      return searchOf(open).replace.applyEdits(files, taxonomyTextEdit(edit, fields));
    },
    async previewBulkEdit({ edit, ids }) {
      return searchOf(site()).replace.previewEdits(ids, bulkTextEdit(edit));
    },
    async applyBulkEdit({ edit, files }) {
      return searchOf(site()).replace.applyEdits(files, bulkTextEdit(edit));
    },
    async undoReplace({ undoId }) {
      return searchOf(site()).replace.undoReplace(undoId);
    },
  };
}
