// The panels and dialogs of the window, each loaded on demand (left out of the initial script).
// Those that register commands load soon after the first paint; the palettes are in the initial script.
import { lazyComponent } from './lazy-component';

/** The props of component T (an empty object for a component that takes none). */
type Props<T> = T extends (...args: infer A) => unknown
  ? A extends [infer P, ...unknown[]]
    ? P
    : object
  : never;
/**
 * The command palette and quick open (palette/palettes), in the initial script: they are a few
 * kilobytes, and loading them on demand raced with the keys typed at once after the shortcut.
 */
export { Palettes } from '../palette/palettes';

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
