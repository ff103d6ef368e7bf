import { ArchiveRestore, Copy, FilePlus, FolderOpen, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { PostdeskApi, PostSummary, SiteInfo } from '../../../shared/api';
import { createStore, useStore } from '../../state/create-store';
import { isDirty } from '../../state/document-store';
import { useAppState } from '../../state/app-state-context';
import { NewPostDialog } from './new-post-dialog';
import { RenamePostDialog } from './rename-post-dialog';
import { TrashDialog } from './trash-dialog';

type Open = 'none' | 'new' | 'rename' | 'trash';

/** Which post-actions dialog is open; the New Post command (menu, palette, Ctrl+N) sets it to 'new'. */
export const postActionsDialog = createStore<Open>('none');

/**
 * The post operations toolbar: New post, Rename, Duplicate, Delete, Trash (restore) and, where the
 * host can, Reveal, acting on the selected post. Operations that would move the open post are
 * disabled while it has unsaved changes, so typed text is never lost.
 */
export function PostActionsBar({
  api,
  site,
  selectedId,
  onChanged,
}: {
  api: PostdeskApi;
  site: SiteInfo | null;
  selectedId: string | null;
  onChanged: () => Promise<void> | void;
}) {
  const { documents } = useAppState();
  const documentStore = documents.active;
  const open = useStore(postActionsDialog);
  const setOpen = postActionsDialog.set;
  const [message, setMessage] = useState<string | null>(null);
  // The last delete, while it can still be undone from the notice (the site's own trash folder).
  const [undo, setUndo] = useState<{ trashId: string; id: string } | null>(null);
  const dirty = useStore(documentStore, (state) => state.status === 'open' && isDirty(state.doc));
  if (!site) return null;
  const canAct = selectedId !== null && !dirty;
  const blocked = dirty
    ? 'Save or undo your changes first'
    : selectedId === null
      ? 'Choose a post first'
      : undefined;

  const settle = async (post: PostSummary | null, text: string): Promise<void> => {
    setOpen('none');
    setMessage(text);
    await onChanged();
    if (post) await documents.open(post.id);
  };
  const run = (work: () => Promise<void>): void => {
    setMessage(null);
    setUndo(null);
    work().catch((failure: unknown) => setMessage((failure as Error).message));
  };

  return (
    <div
      className="post-actions"
      role="toolbar"
      aria-label="Post actions"
      style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}
    >
      <button type="button" onClick={() => setOpen('new')}>
        <FilePlus className="pd-icon" aria-hidden="true" />
        New post
      </button>
      <button type="button" disabled={!canAct} title={blocked} onClick={() => setOpen('rename')}>
        <Pencil className="pd-icon" aria-hidden="true" />
        Rename
      </button>
      <button
        type="button"
        disabled={!canAct}
        title={blocked}
        onClick={() =>
          run(async () => {
            if (selectedId)
              await settle(await api.duplicatePost({ id: selectedId }), `Duplicated ${selectedId}.`);
          })
        }
      >
        <Copy className="pd-icon" aria-hidden="true" />
        Duplicate
      </button>
      <button
        type="button"
        disabled={!canAct}
        title={blocked}
        onClick={() =>
          run(async () => {
            if (!selectedId) return;
            const result = await api.deletePost({ id: selectedId });
            documentStore.set({ status: 'empty' });
            await settle(
              null,
              result.trash === 'system'
                ? `Moved ${selectedId} to the trash.`
                : `Moved ${selectedId} to .postdesk-trash.`,
            );
            if (result.trashId !== null) setUndo({ trashId: result.trashId, id: selectedId });
          })
        }
      >
        <Trash2 className="pd-icon" aria-hidden="true" />
        Delete
      </button>
      <button type="button" onClick={() => setOpen('trash')}>
        <ArchiveRestore className="pd-icon" aria-hidden="true" />
        Trash
      </button>
      {site.canReveal ? (
        <button
          type="button"
          disabled={selectedId === null}
          onClick={() =>
            run(async () => {
              if (selectedId) await api.revealPost({ id: selectedId });
            })
          }
        >
          <FolderOpen className="pd-icon" aria-hidden="true" />
          Reveal
        </button>
      ) : null}
      <p className="site-detected" style={{ margin: 0, flexBasis: '100%', fontSize: '0.8em', opacity: 0.75 }}>
        {site.detected}
      </p>
      {message ? (
        <p className="post-actions-message" aria-live="polite" style={{ margin: 0, flexBasis: '100%' }}>
          {message}{' '}
          {undo ? (
            <button
              type="button"
              onClick={() => {
                const { trashId, id } = undo;
                run(async () => {
                  const post = await api.restorePost({ trashId });
                  await settle(post, `Restored ${id}.`);
                });
              }}
            >
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
      {open === 'new' ? (
        <NewPostDialog
          api={api}
          site={site}
          onClose={() => setOpen('none')}
          onCreated={(post) => void settle(post, `Created ${post.id}.`)}
        />
      ) : null}
      {open === 'rename' && selectedId ? (
        <RenamePostDialog
          api={api}
          id={selectedId}
          onClose={() => setOpen('none')}
          onRenamed={(post) => void settle(post, `Renamed to ${post.id}.`)}
        />
      ) : null}
      {open === 'trash' ? (
        <TrashDialog
          api={api}
          onClose={() => setOpen('none')}
          onRestored={(post) => void settle(post, `Restored ${post.id}.`)}
        />
      ) : null}
    </div>
  );
}
