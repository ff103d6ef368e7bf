import { useEffect, useState } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import type { GitConflict } from '../../../shared/api-git';
import { CompareTable } from '../conflict/compare-table';

/** Both versions of a file in conflict side by side, with "Keep mine", "Take theirs" or a hand-edited text. */
export function ConflictView({
  api,
  path,
  onResolved,
}: {
  api: PostdeskApi;
  path: string;
  onResolved: () => void;
}) {
  const [conflict, setConflict] = useState<GitConflict | null>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.gitConflict({ path }).then(
      (answer) => {
        if (!live) return;
        setConflict(answer);
        setText(answer.merged ?? answer.mine ?? '');
      },
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
  }, [api, path]);
  const resolve = (resolved: string): void => {
    setError(null);
    api.gitResolve({ path, text: resolved }).then(onResolved, (failure: Error) => setError(failure.message));
  };
  if (error && !conflict) return <p className="git-error">{error}</p>;
  if (!conflict) return <p>Reading both versions of {path}…</p>;
  return (
    <section className="git-conflict" aria-label={`Conflict in ${path}`}>
      <h3>Conflict in {path}</h3>
      <CompareTable
        left={conflict.mine ?? ''}
        right={conflict.theirs ?? ''}
        leftLabel="Mine"
        rightLabel="Theirs"
      />
      <div className="git-actions">
        <button type="button" disabled={conflict.mine === null} onClick={() => resolve(conflict.mine ?? '')}>
          Keep mine
        </button>
        <button
          type="button"
          disabled={conflict.theirs === null}
          onClick={() => resolve(conflict.theirs ?? '')}
        >
          Take theirs
        </button>
      </div>
      <label className="git-resolved-text">
        Resolved text
        <textarea value={text} rows={10} onChange={(event) => setText(event.target.value)} />
      </label>
      <button
        type="button"
        disabled={text.includes('<<<<<<<') || text.includes('>>>>>>>')}
        onClick={() => resolve(text)}
      >
        Mark resolved
      </button>
      {error ? <p className="git-error">{error}</p> : null}
    </section>
  );
}
