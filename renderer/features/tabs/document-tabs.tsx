import type { KeyboardEvent } from 'react';
import type { PostSummary } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { hasUnsavedText, type DocumentState } from '../../state/document-store';
import { useAppState } from '../../state/app-state-context';
import { tabLabel } from './tab-label';

function unsaved(state: DocumentState): boolean {
  return state.status === 'open' && hasUnsavedText(state.doc);
}

/**
 * The tab strip above the editor (tablist "Open posts"): one tab per open post named by its title
 * or file name, a "●" plus "unsaved" (for screen readers) while its text is not on disk, and a
 * "Close <name>" button. Arrow keys move between tabs; choosing a tab shows it.
 */
export function DocumentTabs({
  posts,
  onClose,
}: {
  posts: readonly PostSummary[];
  onClose: (id: string) => void;
}) {
  const { documents } = useAppState();
  const activateDocument = documents.activate;
  const all = useStore(documents.store);
  if (all.order.length === 0) return null;
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (all.activeId === null || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    const at = all.order.indexOf(all.activeId);
    const count = all.order.length;
    const next = all.order[(at + (event.key === 'ArrowRight' ? 1 : -1) + count) % count];
    if (next === undefined) return;
    event.preventDefault();
    activateDocument(next);
    document.getElementById(`doc-tab-${next}`)?.focus();
  };
  const open = all.order.filter((id) => all.docs[id] !== undefined);
  // The tablist holds only tabs (ARIA: a tablist owns tabs alone); each tab's close button sits in
  // a sibling group, placed beside its tab by CSS order.
  return (
    <div className="document-tabs">
      <div className="document-tablist" role="tablist" aria-label="Open posts" onKeyDown={onKeyDown}>
        {open.map((id, index) => {
          const state = all.docs[id]!;
          const name = tabLabel(id, posts);
          const active = id === all.activeId;
          const dirty = unsaved(state);
          return (
            <button
              key={id}
              id={`doc-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              title={id}
              className={`document-tab-name${active ? ' active' : ''}`}
              style={{ order: index * 2 }}
              onClick={() => activateDocument(id)}
              onAuxClick={(event) => {
                if (event.button === 1) onClose(id);
              }}
            >
              {dirty ? (
                <span className="document-tab-unsaved" aria-hidden="true">
                  ●{' '}
                </span>
              ) : null}
              {name}
              {state.status === 'loading' ? '…' : null}
              {dirty ? <span className="visually-hidden"> (unsaved)</span> : null}
            </button>
          );
        })}
      </div>
      <div className="document-tab-closers" role="group" aria-label="Close open posts">
        {open.map((id, index) => {
          const name = tabLabel(id, posts);
          return (
            <button
              key={id}
              type="button"
              className={`document-tab-close${id === all.activeId ? ' active' : ''}`}
              style={{ order: index * 2 + 1 }}
              aria-label={`Close ${name}`}
              title={`Close ${name}`}
              tabIndex={-1}
              onClick={() => onClose(id)}
            >
              ×
            </button>
          );
        })}
      </div>
    </div>
  );
}
