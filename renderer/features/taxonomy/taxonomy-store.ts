import type { PostdeskApi } from '../../../shared/api';
import type { EditPreview, Taxonomy } from '../../../shared/api-search';
import { createStore, type Store } from '../../state/create-store';

/** A taxonomy change as the contract takes it. */
export interface TaxonomyChange {
  key: string;
  action: 'rename' | 'merge' | 'delete';
  from: string[];
  to?: string;
}

/** The Taxonomies view: the site's groups, the change being previewed, and the last change's outcome. */
export interface TaxonomyState {
  open: boolean;
  groups: Taxonomy[] | null;
  error: string | null;
  preview: { change: TaxonomyChange; files: EditPreview } | null;
  last: { undoId: string | null; message: string } | null;
}

/** The window's Taxonomies view and its actions, the client bound once. */
export interface TaxonomyModel {
  store: Store<TaxonomyState>;
  /** Opens the view and lists the site's taxonomies. */
  open(): Promise<void>;
  /** Closes the view. */
  close(): void;
  /** Lists the site's taxonomies with their post counts. */
  load(): Promise<void>;
  /** Asks for the preview of a change (the posts it would change and how). */
  previewChange(change: TaxonomyChange): Promise<void>;
  /** Drops the preview without changing anything. */
  cancelPreview(): void;
  /** Applies the previewed change to the posts it listed, then lists the taxonomies again. */
  applyChange(): Promise<void>;
  /** Undoes the last change (the posts nobody changed since). */
  undoChange(): Promise<void>;
}

/** Builds the window's one Taxonomies view around `api`. */
export function createTaxonomyState(api: PostdeskApi): TaxonomyModel {
  const store = createStore<TaxonomyState>({
    open: false,
    groups: null,
    error: null,
    preview: null,
    last: null,
  });
  const set = (change: Partial<TaxonomyState>): void => store.set((state) => ({ ...state, ...change }));

  /** Opens the view and lists the site's taxonomies. */
  async function openTaxonomies(): Promise<void> {
    set({ open: true, error: null });
    await loadTaxonomies();
  }

  /** Closes the view. */
  function closeTaxonomies(): void {
    set({ open: false, preview: null });
  }

  /** Lists the site's taxonomies with their post counts. */
  async function loadTaxonomies(): Promise<void> {
    try {
      set({ groups: await api.listTaxonomies({}) });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  }

  /** Asks for the preview of a change (the posts it would change and how). */
  async function previewChange(change: TaxonomyChange): Promise<void> {
    try {
      set({ preview: { change, files: await api.previewTaxonomyEdit(change) }, error: null });
    } catch (error) {
      set({ error: (error as Error).message });
    }
  }

  /** Drops the preview without changing anything. */
  function cancelPreview(): void {
    set({ preview: null });
  }

  /** Applies the previewed change to the posts it listed, then lists the taxonomies again. */
  async function applyChange(): Promise<void> {
    const preview = store.get().preview;
    if (!preview) return;
    try {
      const outcome = await api.applyTaxonomyEdit({
        edit: preview.change,
        files: preview.files.files.map((file) => ({ id: file.id, sha256: file.sha256 })),
      });
      const skipped = outcome.skipped.map((file) => `${file.id} (${file.reason})`).join('; ');
      set({
        preview: null,
        last: {
          undoId: outcome.undoId,
          message: `Changed ${outcome.changed.length} post(s)${skipped ? `; skipped: ${skipped}` : ''}.`,
        },
      });
    } catch (error) {
      set({ preview: null, error: (error as Error).message });
    }
    await loadTaxonomies();
  }

  /** Undoes the last change (the posts nobody changed since). */
  async function undoChange(): Promise<void> {
    const undoId = store.get().last?.undoId;
    if (!undoId) return;
    try {
      const outcome = await api.undoReplace({ undoId });
      set({ last: { undoId: null, message: `Restored ${outcome.changed.length} post(s).` } });
    } catch (error) {
      set({ error: (error as Error).message });
    }
    await loadTaxonomies();
  }
  return {
    store,
    open: openTaxonomies,
    close: closeTaxonomies,
    load: loadTaxonomies,
    previewChange,
    cancelPreview,
    applyChange,
    undoChange,
  };
}
