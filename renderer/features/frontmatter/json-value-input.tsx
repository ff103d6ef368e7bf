import { useState } from 'react';
import type { FmValue } from '../../../shared/post/front-matter/located-tree';

/** A value no other input fits (mixed or nested lists), edited as JSON text; written once it parses. */
export function JsonValueInput({
  id,
  value,
  describedBy,
  onChange,
}: {
  id: string;
  value: FmValue;
  describedBy: string | undefined;
  onChange: (value: FmValue) => void;
}) {
  const [draft, setDraft] = useState(() => JSON.stringify(value));
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <textarea
        id={id}
        rows={2}
        className="fm-json"
        value={draft}
        aria-describedby={describedBy}
        aria-invalid={error !== null || undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          try {
            const parsed = JSON.parse(event.target.value) as FmValue;
            setError(null);
            onChange(parsed);
          } catch (problem) {
            setError((problem as Error).message);
          }
        }}
      />
      {error ? <span className="fm-problem">Not valid JSON yet: {error}</span> : null}
    </>
  );
}
