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
  return (
    <div className="document-tabs" role="tablist" aria-label="Open posts" onKeyDown={onKeyDown}>
      {all.order.map((id) => {
        const state = all.docs[id];
        if (!state) return null;
        const name = tabLabel(id, posts);
        const active = id === all.activeId;
        const dirty = unsaved(state);
        return (
          <div key={id} className={`document-tab${active ? ' active' : ''}`} role="presentation">
            <button
              id={`doc-tab-${id}`}
              type="button"
              role="tab"
              aria-selected={active}
              tabIndex={active ? 0 : -1}
              title={id}
              className="document-tab-name"
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
            <button
              type="button"
              className="document-tab-close"
              aria-label={`Close ${name}`}
              title={`Close ${name}`}
              tabIndex={-1}
              onClick={() => onClose(id)}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
