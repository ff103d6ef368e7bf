import { useId } from 'react';
import type { SchemaField } from '../../../shared/api';
import { inferFieldKind } from '../../../shared/post/front-matter/field-kind';
import { isFmMap, type FmMap, type FmValue } from '../../../shared/post/front-matter/located-tree';
import { ImageField } from '../images/image-field';
import { isImageField } from '../images/image-keys';
import type { FieldChange, FieldPath, FieldRemove, Suggestions } from './field-path';
import { JsonValueInput } from './json-value-input';
import { ListOfMapsGroup } from './list-of-maps-group';
import { MapGroup } from './map-group';
import { ScalarInput } from './scalar-input';
import { TagInput } from './tag-input';

interface FieldEditorProps {
  path: FieldPath;
  name: string;
  value: FmValue;
  field: SchemaField | undefined;
  problem: string | undefined;
  suggestions: Suggestions;
  /** The open post (image paths resolve from it); empty inside nested groups, which get no image field. */
  postId?: string;
  onChange: FieldChange;
  onRemove: FieldRemove | undefined;
}

/**
 * One front matter field: its key as the input's label (a schema label shown beside it), the input
 * its kind asks for, its problem inline, and a remove button.
 */
export function FieldEditor({
  path,
  name,
  value,
  field,
  problem,
  suggestions,
  postId,
  onChange,
  onRemove,
}: FieldEditorProps) {
  const id = useId();
  const problemId = problem ? `${id}-problem` : undefined;
  const kind = inferFieldKind(name, value, field);
  const set = (next: FmValue): void => onChange(path, next);
  const remove = onRemove ? (
    <button type="button" className="fm-remove" aria-label={`Remove ${name}`} onClick={() => onRemove(path)}>
      ×
    </button>
  ) : null;
  const problemText = problem ? (
    <span id={problemId} className="fm-problem" role="note">
      {problem}
    </span>
  ) : null;

  if (kind === 'map' && isFmMap(value)) {
    return (
      <MapGroup
        path={path}
        name={name}
        value={value}
        suggestions={suggestions}
        onChange={onChange}
        onRemove={onRemove}
      >
        {problemText}
      </MapGroup>
    );
  }
  if (kind === 'list-of-maps' && Array.isArray(value) && value.every(isFmMap)) {
    return (
      <ListOfMapsGroup
        path={path}
        name={name}
        value={value as FmMap[]}
        suggestions={suggestions}
        onChange={onChange}
        onRemove={onRemove}
      >
        {problemText}
      </ListOfMapsGroup>
    );
  }
  let input;
  if (postId && path.length === 1 && !field?.type && isImageField(name, value)) {
    // ImageField labels its own input with the key (thumbnail, picker and upload around it).
    return (
      <div className="fm-field fm-kind-image">
        <div className="fm-input fm-image">
          <ImageField
            label={name}
            value={typeof value === 'string' ? value : ''}
            inputId={id}
            postId={postId}
            onChange={set}
          />
          {problemText}
        </div>
        {remove}
      </div>
    );
  }
  if (kind === 'tags' && (Array.isArray(value) || value === null || value === '')) {
    const values = Array.isArray(value) ? value.map(String) : [];
    input = (
      <TagInput
        id={id}
        name={name}
        values={values}
        suggestions={suggestions[name.toLowerCase()] ?? []}
        describedBy={problemId}
        onChange={set}
      />
    );
  } else if (kind === 'json' || Array.isArray(value) || isFmMap(value)) {
    input = <JsonValueInput id={id} value={value} describedBy={problemId} onChange={set} />;
  } else {
    input = (
      <ScalarInput
        id={id}
        kind={kind}
        value={value}
        choices={field?.choices ?? []}
        describedBy={problemId}
        invalid={problem !== undefined}
        onChange={set}
      />
    );
  }
  return (
    <div className={`fm-field fm-kind-${kind}`}>
      <label htmlFor={id} className="fm-key">
        {name}
      </label>
      <span className="fm-label">{field?.label && field.label !== name ? field.label : ''}</span>
      <div className="fm-input">
        {input}
        {problemText}
      </div>
      {remove}
    </div>
  );
}
