import type { ReactNode } from 'react';
import type { FmMap } from '../../../shared/post/front-matter/located-tree';
import { AddFieldRow } from './add-field-row';
import { FieldEditor } from './field-editor';
import type { FieldChange, FieldPath, FieldRemove, Suggestions } from './field-path';

/** A nested map as a group of fields (named by its key), with its own add-field row. */
export function MapGroup({
  path,
  name,
  value,
  suggestions,
  onChange,
  onRemove,
  children,
}: {
  path: FieldPath;
  name: string;
  value: FmMap;
  suggestions: Suggestions;
  onChange: FieldChange;
  onRemove: FieldRemove | undefined;
  children?: ReactNode;
}) {
  return (
    <fieldset className="fm-group">
      <legend>
        {name}
        {onRemove ? (
          <button
            type="button"
            className="fm-remove"
            aria-label={`Remove ${name}`}
            onClick={() => onRemove(path)}
          >
            ×
          </button>
        ) : null}
      </legend>
      {children}
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
      <AddFieldRow
        label={`New field in ${name}`}
        existing={Object.keys(value)}
        schemaFields={[]}
        onAdd={(key, initial) => onChange([...path, key], initial)}
      />
    </fieldset>
  );
}
