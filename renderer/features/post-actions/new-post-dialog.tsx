import { useEffect, useState } from 'react';
import type { PostdeskApi, PostSummary, SiteInfo } from '../../../shared/api';
import { ActionDialog } from './action-dialog';

/** The file or bundle folder name of a post path (`content/posts/2026-01-02-x.md` -> `2026-01-02-x`). */
function stemOf(id: string): string {
  const parts = id.split('/');
  const file = parts.at(-1) ?? id;
  if (/^index\.[A-Za-z]+$/.test(file) && parts.length > 1) return parts.at(-2) ?? file;
  return file.replace(/\.[A-Za-z0-9]+$/, '');
}

/**
 * Asks for a new post's title, section and file name (shown as the library would name it: the
 * title's slug with the section's date prefix, editable), creates it, and hands the new row back.
 */
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
  // The file name the writer typed (null: follow the title), and the path the library answers.
  const [name, setName] = useState<string | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const incomplete = title.trim() === '' || name?.trim() === '';
  useEffect(() => {
    if (incomplete) return;
    let current = true;
    const timer = window.setTimeout(() => {
      api
        .newPostPath({ title, section, bundle, ...(name !== null ? { name } : {}) })
        .then((answer) => current && setPath(answer.id))
        .catch(() => current && setPath(null));
    }, 150);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [api, title, section, bundle, name, incomplete]);
  const shown = incomplete ? null : path;
  const create = (): void => {
    if (title.trim() === '') {
      setError('Give the post a title.');
      return;
    }
    setBusy(true);
    setError(null);
    api
      .createPost({ title, section, bundle, ...(name !== null && name.trim() !== '' ? { name } : {}) })
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
      <label style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
        File name
        <input
          value={name ?? (shown ? stemOf(shown) : '')}
          spellCheck={false}
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <p className="new-post-path" aria-live="polite" style={{ margin: 0, fontSize: '0.85em' }}>
        {shown ? `Will be created as ${shown}` : 'Type a title to see the file name.'}
      </p>
      {site.generator === 'hugo' ? (
        <label style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
          <input type="checkbox" checked={bundle} onChange={(event) => setBundle(event.target.checked)} />
          Page bundle (a folder for the post and its images)
        </label>
      ) : null}
    </ActionDialog>
  );
}
