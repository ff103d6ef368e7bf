import { useMemo } from 'react';
import type { FrontMatterFormat } from '../../../shared/api';
import { parseFrontMatter } from '../../../shared/post/parse-front-matter';

/** Shows the post's front matter fields, each input labelled with its key (read-only for now). */
export function FrontMatterPanel({ raw, format }: { raw: string; format: FrontMatterFormat | null }) {
  const parsed = useMemo(() => (format ? parseFrontMatter(raw, format) : null), [raw, format]);
  if (!format || !parsed) return <p className="front-matter-empty">This post has no front matter.</p>;
  if (!parsed.ok) return <p role="alert">The front matter could not be read: {parsed.error}</p>;
  return (
    <form className="front-matter" aria-label="Front matter" onSubmit={(event) => event.preventDefault()}>
      {Object.entries(parsed.data).map(([key, value]) => {
        const inputId = `fm-${key}`;
        return (
          <div className="field" key={key}>
            <label htmlFor={inputId}>{key}</label>
            <input id={inputId} readOnly value={display(value)} />
          </div>
        );
      })}
    </form>
  );
}

function display(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
