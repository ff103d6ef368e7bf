import type { Extension } from '@codemirror/state';
import { useMemo, type ComponentProps } from 'react';
import type { BodyEditor as EagerBodyEditor } from '../editor/body-editor';
import type { bodyLinter as eagerBodyLinter } from '../problems/body-linter';
import { lazyComponent } from './lazy-component';

type EditorChunk = typeof import('./editor-chunk');

/** An editor extension made once the editor chunk (CodeMirror) has loaded. */
export type LazyExtension = (chunk: EditorChunk) => Extension;

/** Loads the editor chunk (CodeMirror, its languages, the checks); answers the same promise every time. */
export const loadEditorChunk: () => Promise<EditorChunk> = (() => {
  let loading: Promise<EditorChunk> | null = null;
  return () => (loading ??= import('./editor-chunk'));
})();

/** The body editor's image support (see images/image-editor-extensions), made when the editor loads. */
export const imageEditorExtensions: LazyExtension[] = [(chunk) => chunk.imageEditorExtensions];

/** The content checks as lint diagnostics (see problems/body-linter), made when the editor loads. */
export function bodyLinter(options: Parameters<typeof eagerBodyLinter>[0]): LazyExtension {
  return (chunk) => chunk.bodyLinter(options);
}

export { siteFileChecker } from '../problems/site-file-checker';

type EditorProps = Omit<ComponentProps<typeof EagerBodyEditor>, 'extensions'>;

type LoadedProps = EditorProps & { lazyExtensions: LazyExtension[] };

const LoadedEditor = lazyComponent<LoadedProps>(
  async () => {
    const chunk = await loadEditorChunk();
    return function ResolvedEditor({ lazyExtensions, ...props }: LoadedProps) {
      const extensions = useMemo(() => lazyExtensions.map((make) => make(chunk)), [lazyExtensions]);
      return <chunk.BodyEditor {...props} extensions={extensions} />;
    };
  },
  <div className="body-editor-pane" aria-busy="true" />,
);

/**
 * The body editor (CodeMirror), loaded on demand: the first post opened fetches the editor chunk,
 * showing an empty pane meanwhile. Takes its extensions as LazyExtensions.
 */
export function BodyEditor({
  extensions = noExtensions,
  ...props
}: EditorProps & { extensions?: LazyExtension[] }) {
  return <LoadedEditor {...props} lazyExtensions={extensions} />;
}

const noExtensions: LazyExtension[] = [];
