import { useState } from 'react';

interface TagInputProps {
  id: string;
  name: string;
  values: readonly string[];
  suggestions: readonly string[];
  describedBy: string | undefined;
  onChange: (values: string[]) => void;
}

/** A list of tags as removable chips and a text input (Enter or comma adds) with site-wide autocomplete. */
export function TagInput({ id, name, values, suggestions, describedBy, onChange }: TagInputProps) {
  const [draft, setDraft] = useState('');
  const listId = `${id}-suggestions`;
  const add = (): void => {
    const tag = draft.trim();
    setDraft('');
    if (tag !== '' && !values.includes(tag)) onChange([...values, tag]);
  };
  return (
    <div className="fm-tags">
      <ul className="fm-tag-list" aria-label={`${name} values`}>
        {values.map((tag, index) => (
          <li key={`${tag}-${index}`} className="fm-tag">
            {tag}
            <button
              type="button"
              aria-label={`Remove ${name} ${tag}`}
              onClick={() => onChange(values.filter((_, position) => position !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        type="text"
        list={listId}
        value={draft}
        aria-describedby={describedBy}
        placeholder="add…"
        spellCheck={false}
        onChange={(event) => {
          // A comma ends a tag wherever it is typed or pasted ("a, b, c" adds a and b; c stays typed).
          const parts = event.target.value.split(',');
          const rest = parts.pop() ?? '';
          const added = parts.map((part) => part.trim()).filter((tag) => tag !== '');
          const fresh = added.filter((tag, index) => !values.includes(tag) && added.indexOf(tag) === index);
          if (fresh.length > 0) onChange([...values, ...fresh]);
          setDraft(parts.length > 0 ? rest.trimStart() : rest);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          } else if (event.key === 'Backspace' && draft === '' && values.length > 0) {
            onChange(values.slice(0, -1));
          }
        }}
        onBlur={add}
      />
      <datalist id={listId}>
        {suggestions
          .filter((suggestion) => !values.includes(suggestion))
          .map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
      </datalist>
    </div>
  );
}
