import { ViewPlugin, type EditorView } from '@codemirror/view';
import { followScroll, publishScroll, type ScrollPosition } from '../preview/scroll-sync';

function position(view: EditorView): ScrollPosition {
  const scroller = view.scrollDOM;
  const top = scroller.scrollTop;
  const block = view.lineBlockAtHeight(top);
  const line = view.state.doc.lineAt(block.from).number;
  const within = block.height > 0 ? Math.min(1, Math.max(0, (top - block.top) / block.height)) : 0;
  const max = scroller.scrollHeight - scroller.clientHeight;
  return { line: line + within, fraction: max > 0 ? top / max : 0 };
}

function scrollTo(view: EditorView, target: ScrollPosition): void {
  const scroller = view.scrollDOM;
  if (target.line <= 0) {
    scroller.scrollTop = target.fraction * (scroller.scrollHeight - scroller.clientHeight);
    return;
  }
  const { doc } = view.state;
  const number = Math.min(doc.lines, Math.max(1, Math.floor(target.line)));
  const block = view.lineBlockAt(doc.line(number).from);
  scroller.scrollTop = block.top + (target.line - number) * block.height;
}

/** Publishes the editor's scroll position for the preview, and follows the preview's. */
export const editorScrollSync = ViewPlugin.define((view) => {
  const onScroll = (): void => publishScroll('editor', position(view));
  view.scrollDOM.addEventListener('scroll', onScroll, { passive: true });
  const unfollow = followScroll('editor', (target) => scrollTo(view, target));
  return {
    destroy() {
      view.scrollDOM.removeEventListener('scroll', onScroll);
      unfollow();
    },
  };
});
