import { autoCloseTags, html } from '@codemirror/lang-html';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { search } from '@codemirror/search';
import { Annotation, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BodyKind } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import type { DeferredBody } from '../../state/document-store';
import { afterPaint } from './after-paint';
import { boundedInlineParse } from './bounded-inline-parse';
import { closeTagTypeOver } from './close-tag-type-over';
import { editorScrollSync } from './editor-scroll-sync';
import { caretStore, currentEditor, editorFocusStore, setCurrentEditor } from './editor-session';
import { editorSettings } from './editor-settings';
import { EditorToolbar } from './editor-toolbar';
import { formatKeymap } from './format-commands';
import { spellCheck } from './spell-check';
import { editorLook } from '../../ui/editor-look';

const noExtensions: Extension[] = [];
/** Marks the editor's own copy of a text the store already holds (not handed back). */
const fromStore = Annotation.define<boolean>();
/** A constant: @uiw/react-codemirror reconfigures the editor whenever this object changes. */
const setup = { foldGutter: false };

const caretTracker = EditorView.updateListener.of((update) => {
  if (!update.selectionSet && !update.docChanged && !update.focusChanged) return;
  if (update.focusChanged) editorFocusStore.set(update.view.hasFocus);
  const { state } = update;
  const head = state.selection.main.head;
  const line = state.doc.lineAt(head);
  caretStore.set({ line: line.number, column: head - line.from + 1, ranges: state.selection.ranges.length });
});

/**
 * Keeps typing CodeMirror's own work: the body (one string of the whole text), the store and every
 * view of it get the typed text after the keystroke is painted, or earlier when something reads the
 * document first (see deferBody).
 */
function handOverTyping(report: (text: string) => void, documents: DeferredBody): Extension {
  let scheduled = false;
  return EditorView.updateListener.of((update) => {
    if (!update.docChanged || update.transactions.every((tr) => tr.annotation(fromStore))) return;
    const { view } = update;
    documents.deferBody(() => {
      scheduled = false;
      report(view.state.doc.toString());
    });
    if (scheduled) return;
    scheduled = true;
    afterPaint(() => {
      if (scheduled) documents.flushPendingBody();
    });
  });
}

/**
 * The body editor: a toolbar (formatting in Markdown or HTML, the mode switch) over CodeMirror with
 * syntax highlighting per mode (HTML inside Markdown too), line wrapping, search and replace
 * (Ctrl+F), undo/redo, multiple cursors, bracket matching, auto-closed HTML tags (a closing tag
 * typed by hand steps over the auto-inserted one), the platform's spell checker outside code, and
 * the formatting shortcuts. Tab moves focus unless the writer turned "Indent with Tab" on (then
 * Escape, Tab leaves). `value` seeds the editor; later values different from what the editor itself reported
 * (a reload) replace its text. `extensions` are added as given: keep them memoised.
 */
export function BodyEditor({
  value,
  kind,
  onChange,
  onKindChange,
  extensions = noExtensions,
}: {
  value: string;
  kind: BodyKind;
  onChange: (value: string) => void;
  onKindChange?: (kind: BodyKind) => void;
  extensions?: Extension[];
}) {
  const [initial] = useState(value);
  const lastReported = useRef(value);
  const view = useRef<EditorView | null>(null);
  const settings = useStore(editorSettings);

  const report = useCallback(
    (text: string) => {
      lastReported.current = text;
      onChange(text);
    },
    [onChange],
  );
  const { documents } = useAppState();
  // eslint-disable-next-line react-hooks/refs -- `report` writes the ref only when the editor hands text over, never during render
  const handOver = useMemo(() => handOverTyping(report, documents), [report, documents]);

  const all = useMemo(
    () => [
      kind === 'html'
        ? html({ autoCloseTags: true })
        : markdown({ base: markdownLanguage, extensions: [boundedInlineParse] }),
      kind === 'html' ? [] : autoCloseTags,
      closeTagTypeOver(),
      spellCheck(settings.spellCheck),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': 'Body' }),
      search({ top: true }),
      formatKeymap(kind),
      caretTracker,
      editorScrollSync,
      editorLook,
      handOver,
      extensions,
    ],
    [kind, extensions, settings.spellCheck, handOver],
  );

  useEffect(() => {
    const current = view.current;
    if (!current || value === lastReported.current) return;
    lastReported.current = value;
    if (current.state.doc.toString() !== value) {
      current.dispatch({
        changes: { from: 0, to: current.state.doc.length, insert: value },
        annotations: fromStore.of(true),
      });
    }
  }, [value]);

  // Text typed just before the editor goes (a tab switch, a mode change) still reaches the store.
  useEffect(() => () => documents.flushPendingBody(), [documents]);
  useEffect(() => () => setCurrentEditor(null), []);

  return (
    <div className="body-editor-pane">
      <EditorToolbar kind={kind} onKindChange={onKindChange} view={currentEditor} />
      <CodeMirror
        className="body-editor"
        value={initial}
        height="100%"
        extensions={all}
        onCreateEditor={(created) => {
          view.current = created;
          setCurrentEditor(created);
        }}
        basicSetup={setup}
        indentWithTab={settings.indentWithTab}
      />
    </div>
  );
}
