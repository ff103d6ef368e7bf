import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { StreamLanguage } from '@codemirror/language';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useState } from 'react';
import type { FrontMatterFormat } from '../../../shared/api';
import { readFrontMatter } from '../../../shared/post/front-matter/front-matter-edit';

/**
 * The front matter block as text in CodeMirror (YAML, TOML or JSON highlighting). Every change goes
 * into the document as typed, valid or not, so nothing is ever dropped; a parse problem is shown
 * below with its line and message.
 */
export function RawFrontMatterEditor({
  raw,
  format,
  onChange,
}: {
  raw: string;
  format: FrontMatterFormat;
  onChange: (raw: string) => void;
}) {
  const [draft, setDraft] = useState(raw);
  const extensions = useMemo(
    () => [
      format === 'yaml' ? yaml() : format === 'json' ? json() : StreamLanguage.define(toml),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Front matter text' }),
    ],
    [format],
  );
  const read = useMemo(() => readFrontMatter(draft, format), [draft, format]);
  return (
    <div className="fm-raw">
      <CodeMirror
        className="fm-raw-editor"
        value={draft}
        extensions={extensions}
        basicSetup={{ foldGutter: false }}
        onChange={(next) => {
          setDraft(next);
          onChange(next);
        }}
      />
      {read.ok ? null : (
        <p role="alert" className="fm-problem fm-raw-error">
          {read.line !== null ? `Line ${read.line}: ` : ''}
          {read.error}
        </p>
      )}
    </div>
  );
}
