import { useEffect, useState, type ReactNode } from 'react';
import type { BodyKind } from '../../../shared/api';
import type { OpenDocument } from '../../state/document-store';
import { isDirty } from '../../state/document-store';
import { useStore } from '../../state/create-store';
import { caretStore, editorFocusStore } from '../editor/editor-session';
import { editorSettings } from '../editor/editor-settings';
import { bodyStats, type BodyStats } from './body-stats';

const statsDelayMs = 250;

/**
 * The status line: save state (role status: "Saved", "Unsaved changes"...), the problem of the last
 * save if any, then words, reading time, line:column and the body's mode, each in its own element.
 * The figures follow typing after a short pause, off the keystroke path.
 */
export function StatusBar({
  doc,
  body = '',
  kind,
  children,
}: {
  doc: OpenDocument | null;
  body?: string;
  kind?: BodyKind;
  /** More parts of the line (the git branch and the Changes button). */
  children?: ReactNode;
}) {
  const caret = useStore(caretStore);
  const editorFocused = useStore(editorFocusStore);
  const indentWithTab = useStore(editorSettings, (settings) => settings.indentWithTab);
  const [stats, setStats] = useState<BodyStats | null>(null);

  useEffect(() => {
    const timer = window.setTimeout(() => setStats(bodyStats(body)), statsDelayMs);
    return () => window.clearTimeout(timer);
  }, [body]);

  let state = '';
  if (doc) {
    if (doc.saving) state = 'Saving…';
    else if (isDirty(doc)) state = 'Unsaved changes';
    else state = doc.savedOnce ? 'Saved' : 'No changes';
  }
  return (
    <footer className="status-bar">
      <span role="status" className="save-state">
        {state}
      </span>
      {doc?.error ? (
        <span role="alert" className="save-error">
          {doc.conflict ? 'The file changed on disk. ' : ''}
          {doc.error}
        </span>
      ) : null}
      {doc && stats ? (
        <>
          <span className="status-words">
            {stats.words} {stats.words === 1 ? 'word' : 'words'}
          </span>
          <span className="status-reading">{stats.readingMinutes} min read</span>
        </>
      ) : null}
      {doc && caret ? (
        <span className="status-caret" title="Line:column">
          {caret.line}:{caret.column}
          {caret.ranges > 1 ? ` (${caret.ranges} cursors)` : ''}
        </span>
      ) : null}
      {doc && editorFocused && indentWithTab ? (
        <span className="status-tab-hint">Tab indents: press Esc, then Tab, to leave the editor</span>
      ) : null}
      {doc && kind ? <span className="status-kind">{kind === 'html' ? 'HTML' : 'Markdown'}</span> : null}
      {children}
    </footer>
  );
}
