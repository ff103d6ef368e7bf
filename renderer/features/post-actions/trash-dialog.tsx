import { useEffect, useState } from 'react';
import type { PostdeskApi, PostSummary, TrashEntry } from '../../../shared/api';
import { ActionDialog } from './action-dialog';

/** Lists the posts in the site's `.postdesk-trash/` folder, each with a Restore button. */
export function TrashDialog({
  api,
  onRestored,
  onClose,
}: {
  api: PostdeskApi;
  onRestored: (post: PostSummary) => void;
  onClose: () => void;
}) {
  const [entries, setEntries] = useState<TrashEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api
      .listTrash({})
      .then(setEntries)
      .catch((failure: unknown) => setError((failure as Error).message));
  }, [api]);
  const restore = (entry: TrashEntry): void => {
    setBusy(true);
    setError(null);
    api
      .restorePost({ trashId: entry.trashId })
      .then((post) => {
        setEntries((list) => (list ?? []).filter((item) => item.trashId !== entry.trashId));
        onRestored(post);
      })
      .catch((failure: unknown) => setError((failure as Error).message))
      .finally(() => setBusy(false));
  };
  return (
    <ActionDialog
      title="Trash"
      submitLabel={null}
      busy={busy}
      error={error}
      onSubmit={onClose}
      onClose={onClose}
    >
      {entries === null ? <p>Reading the trash…</p> : null}
      {entries !== null && entries.length === 0 ? <p>The trash is empty.</p> : null}
      {entries !== null && entries.length > 0 ? (
        <ul aria-label="Deleted posts" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {entries.map((entry) => (
            <li key={entry.trashId} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
              <span style={{ flex: 1 }}>
                {entry.title} <small>({entry.originalId})</small>
              </span>
              <button
                type="button"
                disabled={busy}
                aria-label={`Restore ${entry.title}`}
                onClick={() => restore(entry)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </ActionDialog>
  );
}
