import { useState } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import type { GitLogEntry } from '../../../shared/api-git';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { CompareTable } from '../conflict/compare-table';

/** The commits of the open post and, for one of them, its text beside the editor's, with "Restore this version". */
export function PostHistory({ api, id }: { api: PostdeskApi; id: string }) {
  const [entries, setEntries] = useState<GitLogEntry[] | null>(null);
  const [picked, setPicked] = useState<{ entry: GitLogEntry; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { documents } = useAppState();
  const current = useStore(documents.active, (state) =>
    state.status === 'open' && state.doc.id === id ? state.doc.text : null,
  );
  const show = (entry: GitLogEntry): void => {
    api.gitShowVersion({ id, hash: entry.hash }).then(
      (version) => setPicked({ entry, text: version.text }),
      (failure: Error) => setError(failure.message),
    );
  };
  return (
    <section className="git-history" aria-label={`History of ${id}`}>
      <h3 className="git-group">History of {id}</h3>
      {entries === null ? (
        <button
          type="button"
          onClick={() =>
            api.gitHistory({ id }).then(setEntries, (failure: Error) => setError(failure.message))
          }
        >
          Show history
        </button>
      ) : entries.length === 0 ? (
        <p className="git-note">No commit holds this post yet.</p>
      ) : (
        <ol className="git-log">
          {entries.map((entry) => (
            <li key={entry.hash}>
              <button
                type="button"
                aria-pressed={picked?.entry.hash === entry.hash}
                onClick={() => show(entry)}
              >
                {entry.date.slice(0, 16).replace('T', ' ')} · {entry.author} · {entry.subject}
              </button>
            </li>
          ))}
        </ol>
      )}
      {picked && current !== null ? (
        <>
          <CompareTable
            left={picked.text}
            right={current}
            leftLabel={`At ${picked.entry.hash.slice(0, 7)}`}
            rightLabel="In the editor"
          />
          <button type="button" onClick={() => documents.setText(picked.text)}>
            Restore this version
          </button>
        </>
      ) : null}
      {error ? <p className="git-error">{error}</p> : null}
    </section>
  );
}
