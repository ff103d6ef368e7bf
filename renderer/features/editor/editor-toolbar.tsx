import type { EditorView } from '@codemirror/view';
import type { BodyKind } from '../../../shared/api';
import { applyFormat, formatShortcuts } from './format-commands';
import { formatActions, type FormatAction } from './text-transforms';

const labels: Record<FormatAction, string> = {
  bold: 'Bold',
  italic: 'Italic',
  heading: 'Heading',
  link: 'Link',
  image: 'Image',
  list: 'List',
  quote: 'Quote',
  code: 'Code',
};
const faces: Record<FormatAction, string> = {
  bold: 'B',
  italic: 'I',
  heading: 'H',
  link: 'Link',
  image: 'Image',
  list: '•',
  quote: '❝',
  code: '</>',
};

function shortcutText(key: string): string {
  return key
    .replace('Mod', 'Ctrl')
    .replace(/-/g, '+')
    .replace(/\+([a-z])$/, (_m, k: string) => `+${k.toUpperCase()}`);
}

/** The formatting buttons (writing Markdown or HTML by mode) and the Markdown/HTML mode switch. */
export function EditorToolbar({
  kind,
  onKindChange,
  view,
}: {
  kind: BodyKind;
  onKindChange?: (kind: BodyKind) => void;
  view: () => EditorView | null;
}) {
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      {formatActions.map((action) => (
        <button
          key={action}
          type="button"
          className={`format-${action}`}
          aria-label={labels[action]}
          title={`${labels[action]} (${shortcutText(formatShortcuts[action])})`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            const current = view();
            if (current) applyFormat(current, action, kind);
          }}
        >
          {faces[action]}
        </button>
      ))}
      <label className="mode-switch">
        Mode{' '}
        <select
          aria-label="Body mode"
          value={kind}
          onChange={(event) => onKindChange?.(event.target.value as BodyKind)}
        >
          <option value="markdown">Markdown</option>
          <option value="html">HTML</option>
        </select>
      </label>
    </div>
  );
}
