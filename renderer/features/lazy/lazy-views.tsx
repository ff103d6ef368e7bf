// The views of an open post, each loaded on demand (left out of the initial script).
import { lazyComponent } from './lazy-component';

/** The props of component T (an empty object for a component that takes none). */
type Props<T> = T extends (...args: infer A) => unknown
  ? A extends [infer P, ...unknown[]]
    ? P
    : object
  : never;
type FrontMatterFormProps = Props<typeof import('../frontmatter/front-matter-form').FrontMatterForm>;
type LockedProps = Props<typeof import('../generators/locked-front-matter').LockedFrontMatter>;
type ProblemsListProps = Props<typeof import('../problems/problems-list').ProblemsList>;
type PostToolsProps = Props<typeof import('../outline/post-tools').PostTools>;
type PreviewTabsProps = Props<typeof import('../preview/preview-tabs').PreviewTabs>;
type ConflictProps = Props<typeof import('../conflict/disk-conflict-panel').DiskConflictPanel>;

/** The front matter form (frontmatter/front-matter-form), loaded on demand. */
export const FrontMatterForm = lazyComponent<FrontMatterFormProps>(() =>
  import('../frontmatter/front-matter-form').then((module) => module.FrontMatterForm),
);
/** The locked front matter notice (generators/locked-front-matter), loaded on demand. */
export const LockedFrontMatter = lazyComponent<LockedProps>(() =>
  import('../generators/locked-front-matter').then((module) => module.LockedFrontMatter),
);
/** The problems list (problems/problems-list), loaded on demand. */
export const ProblemsList = lazyComponent<ProblemsListProps>(() =>
  import('../problems/problems-list').then((module) => module.ProblemsList),
);
/** The outline and post tools (outline/post-tools), loaded on demand. */
export const PostTools = lazyComponent<PostToolsProps>(() =>
  import('../outline/post-tools').then((module) => module.PostTools),
);
/** The preview and its tabs (preview/preview-tabs), loaded on demand. */
export const PreviewTabs = lazyComponent<PreviewTabsProps>(() =>
  import('../preview/preview-tabs').then((module) => module.PreviewTabs),
);
/** The disk conflict panel and its compare view (conflict/disk-conflict-panel), loaded on demand. */
export const DiskConflictPanel = lazyComponent<ConflictProps>(() =>
  import('../conflict/disk-conflict-panel').then((module) => module.DiskConflictPanel),
);
