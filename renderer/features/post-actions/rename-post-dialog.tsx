import { useState } from 'react';
import type { PostdeskApi, PostSummary } from '../../../shared/api';
import { ActionDialog } from './action-dialog';

/** The name a post is known by on disk: its file name without extension, or its bundle folder's name. */
export function postFileStem(id: string): string {
  const parts = id.split('/');
  const file = parts[parts.length - 1] ?? id;
  const stem = file.replace(/\.[^.]+$/, '');
  return stem === 'index' && parts.length > 1 ? (parts[parts.length - 2] ?? stem) : stem;
}

/** Asks for a post's new file name (slug), renames it, and hands the renamed post's row back. */
export function RenamePostDialog({
  api,
  id,
  onRenamed,
  onClose,
}: {
  api: PostdeskApi;
  id: string;
  onRenamed: (post: PostSummary) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(postFileStem(id));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rename = (): void => {
    setBusy(true);
    setError(null);
    api
      .renamePost({ id, slug: name })
      .then(onRenamed)
      .catch((failure: unknown) => setError((failure as Error).message))
      .finally(() => setBusy(false));
  };
  return (
    <ActionDialog
      title="Rename post"
      submitLabel="Rename"
      busy={busy}
      error={error}
      onSubmit={rename}
      onClose={onClose}
    >
      <p style={{ margin: 0 }}>{id}</p>
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        New name
        <input autoFocus value={name} onChange={(event) => setName(event.target.value)} />
      </label>
    </ActionDialog>
  );
}
