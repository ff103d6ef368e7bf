import { useId, useState } from 'react';
import type { SchemaField } from '../../../shared/api';
import { nowLike } from '../../../shared/post/front-matter/date-text';
import type { FmValue } from '../../../shared/post/front-matter/located-tree';

const kinds = {
  text: 'Text',
  date: 'Date',
  boolean: 'Checkbox',
  number: 'Number',
  tags: 'Tags',
  map: 'Group',
} as const;

type NewKind = keyof typeof kinds;

function initialValue(kind: NewKind, field: SchemaField | undefined): FmValue {
  if (field && field.default !== undefined) return field.default as FmValue;
  switch (kind) {
    case 'date':
      return nowLike('2000-01-01');
    case 'boolean':
      return false;
    case 'number':
      return 0;
    case 'tags':
      return [];
    case 'map':
      return {};
    default:
      return '';
  }
}

function kindOf(field: SchemaField | undefined): NewKind | null {
  switch (field?.type) {
    case 'date':
    case 'datetime':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'tags':
    case 'list':
      return 'tags';
    case 'fields':
      return 'map';
    case undefined:
    case null:
      return null;
    default:
      return 'text';
  }
}

/** A row that adds a field: its key (schema fields not yet set are offered), its kind, and Add. */
export function AddFieldRow({
  label,
  existing,
  schemaFields,
  onAdd,
}: {
  label: string;
  existing: readonly string[];
  schemaFields: readonly SchemaField[];
  onAdd: (key: string, value: FmValue) => void;
}) {
  const id = useId();
  const [key, setKey] = useState('');
  const [kind, setKind] = useState<NewKind>('text');
  const trimmed = key.trim();
  const taken = existing.includes(trimmed);
  const missing = schemaFields.filter((field) => !existing.includes(field.name));
  const add = (): void => {
    if (trimmed === '' || taken) return;
    const field = schemaFields.find((candidate) => candidate.name === trimmed);
    onAdd(trimmed, initialValue(kindOf(field) ?? kind, field));
    setKey('');
  };
  return (
    <div className="fm-add">
      <label htmlFor={`${id}-key`}>{label}</label>
      <input
        id={`${id}-key`}
        type="text"
        list={`${id}-names`}
        value={key}
        onChange={(event) => {
          setKey(event.target.value);
          const known = kindOf(schemaFields.find((field) => field.name === event.target.value.trim()));
          if (known) setKind(known);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            add();
          }
        }}
      />
      <datalist id={`${id}-names`}>
        {missing.map((field) => (
          <option key={field.name} value={field.name}>
            {field.label ?? field.name}
          </option>
        ))}
      </datalist>
      <select
        aria-label={`${label} type`}
        value={kind}
        onChange={(event) => setKind(event.target.value as NewKind)}
      >
        {Object.entries(kinds).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <button type="button" onClick={add} disabled={trimmed === '' || taken}>
        Add
      </button>
      {taken ? <span className="fm-problem">{trimmed} is already set.</span> : null}
    </div>
  );
}
