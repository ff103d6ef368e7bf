import { useEffect, useMemo, useRef, useState } from 'react';
import { matchItems, type PaletteItem } from './match-items';
import { takePaletteDraft } from './palette-draft';

/**
 * A keyboard-first picker: a filter box over a list box; arrows move, Enter chooses, Escape closes.
 * Used by the command palette and quick open.
 */
export function PaletteDialog<T extends PaletteItem>({
  title,
  placeholder,
  items,
  onChoose,
  onClose,
}: {
  title: string;
  placeholder: string;
  items: readonly T[];
  onChoose: (item: T) => void;
  onClose: () => void;
}) {
  // What was typed while the palette's code loaded (renderer/features/lazy/lazy-panels.tsx).
  const [draft] = useState(takePaletteDraft);
  const [query, setQuery] = useState(draft.query);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => matchItems(items, query).slice(0, 200), [items, query]);
  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    if (draft.enter && shown[0]) onChoose(shown[0]);
    // Once, on opening: Enter pressed before the palette loaded chooses the first match.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const current = Math.min(active, Math.max(shown.length - 1, 0));
  const choose = (item: T | undefined): void => {
    if (item) onChoose(item);
  };
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={title}
        className="palette"
        onMouseDown={(event) => event.stopPropagation()}
      >
        <input
          ref={input}
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-options"
          aria-label={placeholder}
          placeholder={placeholder}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
            else if (event.key === 'ArrowDown') setActive(Math.min(current + 1, shown.length - 1));
            else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
            else if (event.key === 'Enter') choose(shown[current]);
            else return;
            event.preventDefault();
          }}
        />
        <ul id="palette-options" role="listbox" aria-label={title} className="palette-options">
          {shown.map((item, index) => (
            <li
              key={item.key}
              role="option"
              aria-selected={index === current}
              className="palette-option"
              onMouseEnter={() => setActive(index)}
              onClick={() => choose(item)}
            >
              <span className="palette-label">{item.label}</span>
              {item.detail ? <span className="palette-detail">{item.detail}</span> : null}
            </li>
          ))}
          {shown.length === 0 ? <li className="palette-empty">Nothing matches.</li> : null}
        </ul>
      </div>
    </div>
  );
}
