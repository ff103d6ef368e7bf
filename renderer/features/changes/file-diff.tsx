import { useEffect, useState } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import type { GitDiff } from '../../../shared/api-git';
import { CompareTable } from '../conflict/compare-table';

/** The committed and current versions of one changed file side by side (the compare view). */
export function FileDiff({ api, path, version }: { api: PostdeskApi; path: string; version: string }) {
  const [diff, setDiff] = useState<GitDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api.gitDiff({ path }).then(
      (answer) => live && setDiff(answer),
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
  }, [api, path, version]);
  if (error) return <p className="git-error">{error}</p>;
  if (!diff) return <p>Reading {path}…</p>;
  return (
    <div className="git-diff" aria-label={`Changes of ${path}`} role="group">
      {diff.note ? <p>{diff.note}</p> : null}
      <CompareTable left={diff.head ?? ''} right={diff.work ?? ''} leftLabel="Last commit" rightLabel="Now" />
    </div>
  );
}
