import type { PostdeskApi } from '../../shared/api';
import type { PostdeskClient } from '../api/client';
import { createGitState, type GitModel } from '../features/changes/git-store';
import { createViewState, type ViewModel } from '../features/commands/view-store';
import { createSearchState, type SearchModel } from '../features/search/search-store';
import { createTaxonomyState, type TaxonomyModel } from '../features/taxonomy/taxonomy-store';
import { createDocumentsState, type DocumentsModel } from './document-store';
import { createLibraryState, type LibraryModel } from './library-store';

/**
 * Everything one window knows and can do, built around its client once: the library (site, posts,
 * list choices), the open documents (tabs), the panes shown, the repository status, the search
 * panel and the Taxonomies view. Components reach it through `useAppState()`.
 */
export interface AppState {
  client: PostdeskClient;
  api: PostdeskApi;
  library: LibraryModel;
  documents: DocumentsModel;
  view: ViewModel;
  git: GitModel;
  search: SearchModel;
  taxonomy: TaxonomyModel;
  /** Stops the stores' own subscribers (the persistence of the list choices, the problems feed). */
  dispose(): void;
}

/** Builds a window's state with `client` injected once (a new, empty state each call). */
export function createAppState(client: PostdeskClient): AppState {
  const { api } = client;
  const library = createLibraryState(api);
  const documents = createDocumentsState(api);
  return {
    client,
    api,
    library,
    documents,
    view: createViewState(),
    git: createGitState(api, library, documents),
    search: createSearchState(api, documents),
    taxonomy: createTaxonomyState(api),
    dispose: () => library.dispose(),
  };
}
