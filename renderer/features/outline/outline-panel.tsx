import { EditorSelection } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { BodyKind } from '../../../shared/api';
import { headingAtLine, postOutline } from '../../../shared/post/outline';
import { useStore } from '../../state/create-store';
import { caretStore, currentEditor } from '../editor/editor-session';
import { useIdleValue } from './use-idle-value';
import './post-tools.css';

/** Puts the body editor's caret at `offset` of the body, scrolls there and focuses the editor. */
function jumpTo(offset: number): void {
  const view = currentEditor();
  if (!view) return;
  const at = Math.min(offset, view.state.doc.length);
  view.dispatch({
    selection: EditorSelection.cursor(at),
    effects: EditorView.scrollIntoView(at, { y: 'start' }),
  });
  view.focus();
}

/**
 * The post's outline: its headings, indented by level; a click puts the caret on that heading, and
 * the heading whose section holds the caret is marked as current. Recomputed after a pause in typing.
 */
export function OutlinePanel({ body, kind }: { body: string; kind: BodyKind }) {
  const headings = useIdleValue(() => postOutline(body, kind), [body, kind]);
  const caretLine = useStore(caretStore, (caret) => caret?.line ?? 1);
  const current = headingAtLine(headings, caretLine);
  if (headings.length === 0) return <p className="post-tools-empty">No headings yet.</p>;
  return (
    <ol className="outline-list" aria-label="Outline">
      {headings.map((heading, index) => (
        <li key={`${heading.offset}`} style={{ paddingInlineStart: `${(heading.level - 1) * 0.9}rem` }}>
          <button
            type="button"
            className="outline-item"
            aria-current={index === current ? 'location' : undefined}
            onClick={() => jumpTo(heading.offset)}
          >
            {heading.text || '(empty heading)'}
          </button>
        </li>
      ))}
    </ol>
  );
}
