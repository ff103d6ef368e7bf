import type { PostdeskApi } from '../../../shared/api';
import type { EditPreview, Taxonomy } from '../../../shared/api-search';
import { createStore } from '../../state/create-store';

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

/** The window's one Taxonomies view. */
export const taxonomyStore = createStore<TaxonomyState>({
  open: false,
  groups: null,
  error: null,
  preview: null,
  last: null,
});

const set = (change: Partial<TaxonomyState>): void => taxonomyStore.set((state) => ({ ...state, ...change }));

/** Opens the view and lists the site's taxonomies. */
export async function openTaxonomies(api: PostdeskApi): Promise<void> {
  set({ open: true, error: null });
  await loadTaxonomies(api);
}

/** Closes the view. */
export function closeTaxonomies(): void {
  set({ open: false, preview: null });
}

/** Lists the site's taxonomies with their post counts. */
export async function loadTaxonomies(api: PostdeskApi): Promise<void> {
  try {
    set({ groups: await api.listTaxonomies({}) });
  } catch (error) {
    set({ error: (error as Error).message });
  }
}

/** Asks for the preview of a change (the posts it would change and how). */
export async function previewChange(api: PostdeskApi, change: TaxonomyChange): Promise<void> {
  try {
    set({ preview: { change, files: await api.previewTaxonomyEdit(change) }, error: null });
  } catch (error) {
    set({ error: (error as Error).message });
  }
}

/** Drops the preview without changing anything. */
export function cancelPreview(): void {
  set({ preview: null });
}

/** Applies the previewed change to the posts it listed, then lists the taxonomies again. */
export async function applyChange(api: PostdeskApi): Promise<void> {
  const preview = taxonomyStore.get().preview;
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
  await loadTaxonomies(api);
}

/** Undoes the last change (the posts nobody changed since). */
export async function undoChange(api: PostdeskApi): Promise<void> {
  const undoId = taxonomyStore.get().last?.undoId;
  if (!undoId) return;
  try {
    const outcome = await api.undoReplace({ undoId });
    set({ last: { undoId: null, message: `Restored ${outcome.changed.length} post(s).` } });
  } catch (error) {
    set({ error: (error as Error).message });
  }
  await loadTaxonomies(api);
}
