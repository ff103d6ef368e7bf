import { useState } from 'react';
import { formatLikeOriginal, isDateText, pickerValue } from '../../../shared/post/front-matter/date-text';
import type { FieldKind } from '../../../shared/post/front-matter/field-kind';
import type { FmValue } from '../../../shared/post/front-matter/located-tree';
import { useStore } from '../../state/create-store';
import { editorSettings } from '../editor/editor-settings';

interface ScalarInputProps {
  id: string;
  kind: FieldKind;
  value: FmValue;
  choices: readonly string[];
  describedBy: string | undefined;
  invalid: boolean;
  onChange: (value: FmValue) => void;
}

/** A single token with path, URL or identifier punctuation (a slug, `/images/x.png`): not prose. */
const identifierLike = /^\S*[/\\.:_#@=-]\S*$/;

/** True when a text value is prose the spell checker should read (titles, descriptions). */
export function isProse(text: string): boolean {
  return !identifierLike.test(text);
}

/** One input for a scalar value: text, textarea, number, checkbox, select, date or date-time picker. */
export function ScalarInput({ id, kind, value, choices, describedBy, invalid, onChange }: ScalarInputProps) {
  const spellCheckOn = useStore(editorSettings, (settings) => settings.spellCheck);
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
  const text = value === null ? '' : String(value);
  const spellCheck = spellCheckOn && isProse(text);
  if (kind === 'boolean') {
    return (
      <input
        {...common}
        type="checkbox"
        checked={value === true}
        onChange={(event) => onChange(event.target.checked)}
      />
    );
  }
  if (kind === 'number') return <NumberInput {...common} value={value} onChange={onChange} />;
  if ((kind === 'date' || kind === 'datetime') && (text === '' || isDateText(text))) {
    return (
      <input
        {...common}
        type={kind === 'date' ? 'date' : 'datetime-local'}
        step={kind === 'datetime' ? 1 : undefined}
        value={pickerValue(text)}
        onChange={(event) =>
          onChange(event.target.value === '' ? '' : formatLikeOriginal(event.target.value, text))
        }
      />
    );
  }
  if (kind === 'select') {
    const options = choices.includes(text) || text === '' ? choices : [text, ...choices];
    return (
      <select {...common} value={text} onChange={(event) => onChange(event.target.value)}>
        {text === '' ? <option value="">(none)</option> : null}
        {options.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    );
  }
  if (kind === 'textarea') {
    return (
      <textarea
        {...common}
        rows={3}
        spellCheck={spellCheckOn}
        value={text}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <input
      {...common}
      type="text"
      spellCheck={spellCheck}
      value={text}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

function NumberInput({
  value,
  onChange,
  ...rest
}: {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': boolean | undefined;
  value: FmValue;
  onChange: (value: FmValue) => void;
}) {
  const [draft, setDraft] = useState(String(value ?? ''));
  const shown = Number(draft) === value ? draft : String(value ?? '');
  return (
    <input
      {...rest}
      type="number"
      step="any"
      value={shown}
      onChange={(event) => {
        setDraft(event.target.value);
        const next = Number(event.target.value);
        if (event.target.value.trim() !== '' && Number.isFinite(next)) onChange(next);
      }}
    />
  );
}
