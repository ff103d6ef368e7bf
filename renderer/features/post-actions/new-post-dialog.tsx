import { useState } from 'react';
import type { PostdeskApi, PostSummary, SiteInfo } from '../../../shared/api';
import { ActionDialog } from './action-dialog';

/** Asks for a new post's title and section, creates it, and hands the new post's row back. */
export function NewPostDialog({
  api,
  site,
  onCreated,
  onClose,
}: {
  api: PostdeskApi;
  site: SiteInfo;
  onCreated: (post: PostSummary) => void;
  onClose: () => void;
}) {
  const [title, setTitle] = useState('');
  const [section, setSection] = useState(
    site.sections.includes('posts') ? 'posts' : (site.sections[0] ?? ''),
  );
  const [bundle, setBundle] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = (): void => {
    if (title.trim() === '') {
      setError('Give the post a title.');
      return;
    }
    setBusy(true);
    setError(null);
    api
      .createPost({ title, section, bundle })
      .then(onCreated)
      .catch((failure: unknown) => setError((failure as Error).message))
      .finally(() => setBusy(false));
  };
  return (
    <ActionDialog
      title="New post"
      submitLabel="Create"
      busy={busy}
      error={error}
      onSubmit={create}
      onClose={onClose}
    >
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        Title
        <input autoFocus value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        Section
        <select value={section} onChange={(event) => setSection(event.target.value)}>
          {site.generator === 'jekyll' ? null : <option value="">(top of the content folder)</option>}
          {site.sections.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {site.generator === 'hugo' ? (
        <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" checked={bundle} onChange={(event) => setBundle(event.target.checked)} />
          Page bundle (a folder for the post and its images)
        </label>
      ) : null}
    </ActionDialog>
  );
}
