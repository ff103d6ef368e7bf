// The panels and dialogs of the window, each loaded on demand (left out of the initial script).
// Those that register commands load soon after the first paint; the palettes only when opened.
import { useEffect, type ReactNode } from 'react';
import { useStore } from '../../state/create-store';
import { paletteStore } from '../palette/palette-store';
import { lazyComponent, whenIdle } from './lazy-component';

type Props<T> = T extends (props: infer P) => unknown ? P : never;
type PalettesProps = Props<typeof import('../palette/palettes').Palettes>;

const LoadedPalettes = lazyComponent<PalettesProps>(() =>
  import('../palette/palettes').then((module) => module.Palettes),
);

/**
 * The command palette and quick open (palette/palettes): their code is fetched when the page is
 * first idle (so the keys typed right after the shortcut reach the palette), and mounted when one opens.
 */
export function Palettes(props: PalettesProps): ReactNode {
  const mode = useStore(paletteStore);
  useEffect(() => whenIdle(() => void LoadedPalettes.preload()), []);
  return mode === null ? null : <LoadedPalettes {...props} />;
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
