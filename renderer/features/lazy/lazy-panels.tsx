// The panels and dialogs of the window, each loaded on demand (left out of the initial script).
// Those that register commands load soon after the first paint; the palettes only when opened.
import { useState, type ReactNode } from 'react';
import { useStore } from '../../state/create-store';
import { keepPaletteDraft } from '../palette/palette-draft';
import { paletteStore } from '../palette/palette-store';
import { lazyComponent } from './lazy-component';

/** The props of component T (an empty object for a component that takes none). */
type Props<T> = T extends (...args: infer A) => unknown
  ? A extends [infer P, ...unknown[]]
    ? P
    : object
  : never;
type PalettesProps = Props<typeof import('../palette/palettes').Palettes>;

/** The palette while its code loads: a filter box that keeps what is typed (and Enter) for the real one. */
function PaletteLoading({ mode }: { mode: 'commands' | 'posts' }): ReactNode {
  const [query, setQuery] = useState('');
  const label = mode === 'commands' ? 'Type a command' : 'Type a post title or path';
  return (
    <div className="modal-backdrop" onMouseDown={() => paletteStore.set(null)}>
      <div role="dialog" aria-modal="true" aria-busy="true" className="palette">
        <input
          autoFocus
          aria-label={label}
          placeholder={label}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            keepPaletteDraft({ query: event.target.value, enter: false });
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') paletteStore.set(null);
            else if (event.key === 'Enter') keepPaletteDraft({ query, enter: true });
          }}
        />
      </div>
    </div>
  );
}

const LoadedPalettes = lazyComponent<PalettesProps & { mode: 'commands' | 'posts' }>(
  () => import('../palette/palettes').then((module) => module.Palettes),
  ({ mode }) => <PaletteLoading mode={mode} />,
);

/**
 * The command palette and quick open (palette/palettes): their code loads the first time one opens;
 * what is typed meanwhile (Enter included) goes to the palette once it is there.
 */
export function Palettes(props: PalettesProps): ReactNode {
  const mode = useStore(paletteStore);
  return mode === null ? null : <LoadedPalettes {...props} mode={mode} />;
}

/** The site search panel (search/search-panel), loaded on demand. */
export const SearchPanel = lazyComponent<Props<typeof import('../search/search-panel').SearchPanel>>(() =>
  import('../search/search-panel').then((module) => module.SearchPanel),
);
/** The taxonomy view (taxonomy/taxonomy-view), loaded on demand. */
export const TaxonomyView = lazyComponent<Props<typeof import('../taxonomy/taxonomy-view').TaxonomyView>>(
  () => import('../taxonomy/taxonomy-view').then((module) => module.TaxonomyView),
);
/** The bulk edit bar (taxonomy/bulk-edit-bar), loaded on demand. */
export const BulkEditBar = lazyComponent<Props<typeof import('../taxonomy/bulk-edit-bar').BulkEditBar>>(() =>
  import('../taxonomy/bulk-edit-bar').then((module) => module.BulkEditBar),
);
/** The changes (git) panel (changes/changes-panel), loaded on demand. */
export const ChangesPanel = lazyComponent<Props<typeof import('../changes/changes-panel').ChangesPanel>>(() =>
  import('../changes/changes-panel').then((module) => module.ChangesPanel),
);
/** The image tools and media panel (images/image-tools), loaded on demand. */
export const ImageTools = lazyComponent<Props<typeof import('../images/image-tools').ImageTools>>(() =>
  import('../images/image-tools').then((module) => module.ImageTools),
);
/** The recovery dialog (recovery/recovery-dialog), loaded on demand. */
export const RecoveryDialog = lazyComponent<
  Props<typeof import('../recovery/recovery-dialog').RecoveryDialog>
>(() => import('../recovery/recovery-dialog').then((module) => module.RecoveryDialog));
/** The "Problems with Postdesk" view (diagnostics/postdesk-problems), loaded on demand. */
export const PostdeskProblems = lazyComponent<
  Props<typeof import('../diagnostics/postdesk-problems').PostdeskProblems>
>(() => import('../diagnostics/postdesk-problems').then((module) => module.PostdeskProblems));
