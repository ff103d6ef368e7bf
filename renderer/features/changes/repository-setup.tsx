import { useState } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import type { GitStatus } from '../../../shared/api-git';

/** Says why there is nothing to publish (no git, no repository) and offers `git init` with a suggested .gitignore. */
export function RepositorySetup({
  api,
  status,
  onDone,
}: {
  api: PostdeskApi;
  status: GitStatus;
  onDone: () => void;
}) {
  const [ignore, setIgnore] = useState(true);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="git-setup">
      <p className="git-banner">{status.message}</p>
      {status.availability === 'not-repo' ? (
        <>
          <label>
            <input type="checkbox" checked={ignore} onChange={(event) => setIgnore(event.target.checked)} />
            Add a .gitignore for the generator&apos;s output
          </label>
          {ignore && status.suggestedIgnore ? (
            <pre className="git-output">{status.suggestedIgnore}</pre>
          ) : null}
          <button
            type="button"
            onClick={() => {
              setError(null);
              api.gitInit({ ignore }).then(onDone, (failure: Error) => setError(failure.message));
            }}
          >
            Create repository
          </button>
        </>
      ) : null}
      {error ? <p className="git-error">{error}</p> : null}
    </div>
  );
}
