import type { FieldPath, FieldRemove } from './field-path';

/**
 * A value the form shows but does not edit (a YAML value with an explicit tag such as `!!binary`,
 * `!!set` or `!foo`): its key, its tag and its text as written, and a remove button.
 */
export function ReadOnlyField({
  path,
  name,
  tag,
  text,
  onRemove,
}: {
  path: FieldPath;
  name: string;
  tag: string;
  text: string;
  onRemove: FieldRemove;
}) {
  return (
    <div className="fm-field fm-kind-tagged">
      <span className="fm-key">{name}</span>
      <span className="fm-label">{tag}</span>
      <div className="fm-input">
        <pre
          className="fm-read-only"
          role="textbox"
          aria-readonly="true"
          aria-label={`${name} (${tag}, read-only)`}
        >
          {text}
        </pre>
        <span className="fm-note" role="note">
          Tagged {tag}: shown read-only and kept as written. Edit as text to change it.
        </span>
      </div>
      <button
        type="button"
        className="fm-remove"
        aria-label={`Remove ${name}`}
        onClick={() => onRemove(path)}
      >
        ×
      </button>
    </div>
  );
}
