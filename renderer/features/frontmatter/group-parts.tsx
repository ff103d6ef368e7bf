import type { FmMap } from '../../../shared/post/front-matter/located-tree';
import { FieldEditor } from './field-editor';
import type { FieldChange, FieldPath, FieldRemove, Suggestions } from './field-path';

/** A group's legend: its title and, when it can be removed, a × button named "Remove <label>". */
export function GroupLegend({
  title,
  removeLabel,
  onRemove,
}: {
  title: string;
  removeLabel: string;
  onRemove: (() => void) | undefined;
}) {
  return (
    <legend>
      {title}
      {onRemove ? (
        <button type="button" className="fm-remove" aria-label={`Remove ${removeLabel}`} onClick={onRemove}>
          ×
        </button>
      ) : null}
    </legend>
  );
}

/** The fields of a nested map, one editor per key, at `path` inside the front matter. */
export function MapFields({
  path,
  value,
  suggestions,
  onChange,
  onRemove,
}: {
  path: FieldPath;
  value: FmMap;
  suggestions: Suggestions;
  onChange: FieldChange;
  onRemove: FieldRemove | undefined;
}) {
  return (
    <>
      {Object.entries(value).map(([key, child]) => (
        <FieldEditor
          key={key}
          path={[...path, key]}
          name={key}
          value={child}
          field={undefined}
          problem={undefined}
          suggestions={suggestions}
          onChange={onChange}
          onRemove={onRemove}
        />
      ))}
    </>
  );
}
