import type { ReactNode } from 'react';
import type { FmMap } from '../../../shared/post/front-matter/located-tree';
import { AddFieldRow } from './add-field-row';
import type { FieldChange, FieldPath, FieldRemove, Suggestions } from './field-path';
import { GroupLegend, MapFields } from './group-parts';

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
      <GroupLegend title={name} removeLabel={name} onRemove={onRemove ? () => onRemove(path) : undefined} />
      {children}
      <MapFields
        path={path}
        value={value}
        suggestions={suggestions}
        onChange={onChange}
        onRemove={onRemove}
      />
      <AddFieldRow
        label={`New field in ${name}`}
        existing={Object.keys(value)}
        schemaFields={[]}
        onAdd={(key, initial) => onChange([...path, key], initial)}
      />
    </fieldset>
  );
}
