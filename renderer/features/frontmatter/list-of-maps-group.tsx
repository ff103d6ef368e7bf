import type { ReactNode } from 'react';
import type { FmMap, FmValue } from '../../../shared/post/front-matter/located-tree';
import type { FieldChange, FieldPath, FieldRemove, Suggestions } from './field-path';
import { GroupLegend, MapFields } from './group-parts';

function blankLike(value: FmValue): FmValue {
  if (typeof value === 'string') return '';
  if (typeof value === 'number') return 0;
  if (typeof value === 'boolean') return false;
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object') return {};
  return '';
}

/** A list of maps as a repeatable group: one sub-group per item, add and remove items. */
export function ListOfMapsGroup({
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
  value: FmMap[];
  suggestions: Suggestions;
  onChange: FieldChange;
  onRemove: FieldRemove | undefined;
  children?: ReactNode;
}) {
  const template: FmMap = Object.fromEntries(
    Object.entries(value[0] ?? {}).map(([key, item]) => [key, blankLike(item)]),
  );
  return (
    <fieldset className="fm-group fm-list">
      <GroupLegend title={name} removeLabel={name} onRemove={onRemove ? () => onRemove(path) : undefined} />
      {children}
      {value.map((item, index) => (
        <fieldset key={index} className="fm-group fm-item">
          <GroupLegend
            title={`${name} ${index + 1}`}
            removeLabel={`${name} ${index + 1}`}
            onRemove={() =>
              onChange(
                path,
                value.filter((_, position) => position !== index),
              )
            }
          />
          <MapFields
            path={[...path, index]}
            value={item}
            suggestions={suggestions}
            onChange={onChange}
            onRemove={onRemove}
          />
        </fieldset>
      ))}
      <button type="button" className="fm-add-item" onClick={() => onChange(path, [...value, template])}>
        Add {name} item
      </button>
    </fieldset>
  );
}
