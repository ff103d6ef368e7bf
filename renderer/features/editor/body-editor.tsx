import { html } from '@codemirror/lang-html';
import { markdown } from '@codemirror/lang-markdown';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo } from 'react';
import type { BodyKind } from '../../../shared/api';

/** The body editor: CodeMirror in Markdown or HTML mode, wrapping lines. */
export function BodyEditor({
  value,
  kind,
  onChange,
  extensions: extra,
}: {
  value: string;
  kind: BodyKind;
  onChange: (value: string) => void;
  /** More CodeMirror extensions (e.g. image paste and drop), appended to the editor's own. */
  extensions?: Extension[];
}) {
  const extensions = useMemo(
    () => [kind === 'html' ? html() : markdown(), EditorView.lineWrapping, ...(extra ?? [])],
    [kind, extra],
  );
  return (
    <CodeMirror
      className="body-editor"
      value={value}
      height="100%"
      extensions={extensions}
      onChange={onChange}
      aria-label="Body"
      basicSetup={{ foldGutter: false }}
    />
  );
}
