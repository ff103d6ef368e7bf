import type { PostdeskApi } from '../../../shared/api';
import type {
  ReplaceOutcome,
  ReplacePreview,
  SearchIndexStatus,
  SearchQuery,
  SearchResults,
} from '../../../shared/api-search';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import { createStore, type Store } from '../../state/create-store';
import type { DocumentsModel } from '../../state/document-store';

/** The site-wide search panel: its query, toggles, filters, results and the replace in progress. */
export interface SearchState {
  open: boolean;
  query: string;
  regex: boolean;
  caseSensitive: boolean;
  wholeWord: boolean;
  section: string;
  tag: string;
  draft: 'any' | 'draft' | 'published';
  replacement: string;
  status: SearchIndexStatus | null;
  results: SearchResults | null;
  searching: boolean;
  error: string | null;
  /** The preview of "Replace all", shown in a dialog, and the query it was made for. */
  preview: { search: SearchQuery; replacement: string; files: ReplacePreview } | null;
  /** What the last replace did, and the id that undoes it. */
  lastReplace: { undoId: string | null; message: string } | null;
}

const initial: SearchState = {
  open: false,
  query: '',
  regex: false,
  caseSensitive: false,
  wholeWord: false,
  section: '',
  tag: '',
  draft: 'any',
  replacement: '',
  status: null,
  results: null,
  searching: false,
  error: null,
  preview: null,
  lastReplace: null,
};

/** The contract's query for the panel's state. */
export function queryOf(state: SearchState): SearchQuery {
  return {
    query: state.query,
    regex: state.regex,
    caseSensitive: state.caseSensitive,
    wholeWord: state.wholeWord,
    section: state.section,
    tag: state.tag,
    draft: state.draft,
  };
}

/** Chosen matches by file id: the offsets to replace. */
export type ReplaceChoice = Map<string, Set<number>>;

/** The window's search panel and its actions, the client bound once. */
export interface SearchModel {
  store: Store<SearchState>;
  /** Shows the panel (its box takes the focus). */
  open(): void;
  /** Hides the panel, keeping the query. */
  close(): void;
  /** Changes the query, a toggle, a filter or the replacement. */
  set(change: Partial<SearchState>): void;
  /** Runs the panel's query; an older answer arriving late is dropped. */
  run(): Promise<void>;
  /** Asks for the preview of replacing every match of the current query. */
  previewReplace(): Promise<void>;
  /**
   * Applies the previewed replace to the chosen matches. A post open in a tab is changed in its
   * tab (an unsaved edit) when its text still holds every chosen match; the rest are written by the library.
   */
  applyReplace(chosen: ReplaceChoice): Promise<ReplaceOutcome | null>;
  /** Undoes the last replace (the files it wrote that nobody changed since). */
  undoReplace(): Promise<void>;
}

/** Builds the window's one search panel around `api`; replaces reach open tabs through `documents`. */
export function createSearchState(api: PostdeskApi, documents: DocumentsModel): SearchModel {
  const store = createStore<SearchState>(initial);
  /** Shows the panel (its box takes the focus). */
  function openSearch(): void {
    store.set((state) => ({ ...state, open: true }));
  }

  /** Hides the panel, keeping the query. */
  function closeSearch(): void {
    store.set((state) => ({ ...state, open: false }));
  }

  /** Changes the query, a toggle, a filter or the replacement. */
  function setSearch(change: Partial<SearchState>): void {
    store.set((state) => ({ ...state, ...change }));
  }

  let generation = 0;

  /** Runs the panel's query; an older answer arriving late is dropped. */
  async function runSearch(): Promise<void> {
    const state = store.get();
    const mine = ++generation;
    if (state.query.trim() === '') {
      setSearch({ results: null, searching: false, error: null });
      return;
    }
    setSearch({ searching: true, error: null });
    try {
      const results = await api.searchPosts(queryOf(state));
      if (mine === generation) setSearch({ results, searching: false });
    } catch (error) {
      if (mine === generation) setSearch({ searching: false, error: (error as Error).message });
    }
  }

  /** Asks for the preview of replacing every match of the current query. */
  async function previewReplace(): Promise<void> {
    const state = store.get();
    const search = queryOf(state);
    try {
      const files = await api.previewReplace({ search, replacement: state.replacement });
      setSearch({ preview: { search, replacement: state.replacement, files }, error: null });
    } catch (error) {
      setSearch({ error: (error as Error).message });
    }
  }

  /**
   * Applies the previewed replace to the chosen matches. A post open in a tab is changed in its tab
   * (an unsaved edit) when its text still holds every chosen match; the rest are written by the library.
   */
  async function applyReplace(chosen: ReplaceChoice): Promise<ReplaceOutcome | null> {
    const preview = store.get().preview;
    if (!preview) return null;
    const inTabs: string[] = [];
    const tabSkipped: { id: string; reason: string }[] = [];
    const files: { id: string; sha256: string; offsets: number[] }[] = [];
    for (const file of preview.files.files) {
      const offsets = [...(chosen.get(file.id) ?? [])];
      if (offsets.length === 0) continue;
      const tab = documents.store.get().docs[file.id];
      if (tab?.status === 'open') {
        const matches = file.matches.filter((match) => offsets.includes(match.offset));
        if (editTab(file.id, matches)) inTabs.push(file.id);
        else tabSkipped.push({ id: file.id, reason: 'open in a tab whose text differs at the match' });
        continue;
      }
      files.push({ id: file.id, sha256: file.sha256, offsets });
    }
    try {
      const outcome = await api.applyReplace({
        search: preview.search,
        replacement: preview.replacement,
        files,
      });
      const skipped = [...outcome.skipped, ...tabSkipped];
      const parts = [`Replaced in ${outcome.changed.length} file(s)`];
      if (inTabs.length > 0) parts.push(`changed ${inTabs.length} open tab(s), not saved yet`);
      if (skipped.length > 0) {
        parts.push(
          `skipped ${skipped.length}: ${skipped.map((file) => `${file.id} (${file.reason})`).join('; ')}`,
        );
      }
      setSearch({ preview: null, lastReplace: { undoId: outcome.undoId, message: `${parts.join(', ')}.` } });
      await runSearch();
      return outcome;
    } catch (error) {
      setSearch({ preview: null, error: (error as Error).message });
      return null;
    }
  }

  /** Undoes the last replace (the files it wrote that nobody changed since). */
  async function undoReplace(): Promise<void> {
    const undoId = store.get().lastReplace?.undoId;
    if (!undoId) return;
    try {
      const outcome = await api.undoReplace({ undoId });
      const skipped = outcome.skipped.map((file) => `${file.id} (${file.reason})`).join('; ');
      setSearch({
        lastReplace: {
          undoId: null,
          message: `Restored ${outcome.changed.length} file(s)${skipped ? `; not restored: ${skipped}` : ''}.`,
        },
      });
      await runSearch();
    } catch (error) {
      setSearch({ error: (error as Error).message });
    }
  }

  /** Applies matches to an open tab's text when it still holds each matched text; answers whether it did. */
  function editTab(
    id: string,
    matches: readonly { offset: number; length: number; text: string; replacement: string }[],
  ): boolean {
    const tab = documents.store.get().docs[id];
    if (tab?.status !== 'open') return false;
    let text = tab.doc.text;
    if (!matches.every((match) => text.slice(match.offset, match.offset + match.length) === match.text))
      return false;
    for (const match of [...matches].sort((a, b) => b.offset - a.offset)) {
      text = text.slice(0, match.offset) + match.replacement + text.slice(match.offset + match.length);
    }
    const doc = { ...tab.doc, text, bodyStart: splitFrontMatter(text).bodyStart, loads: tab.doc.loads + 1 };
    documents.store.set((all) => ({ ...all, docs: { ...all.docs, [id]: { status: 'open', doc } } }));
    return true;
  }
  return {
    store,
    open: openSearch,
    close: closeSearch,
    set: setSearch,
    run: runSearch,
    previewReplace,
    applyReplace,
    undoReplace,
  };
}
