import { createStore } from '../../state/create-store';

/** The writer's editor preferences, kept in this window's storage. */
export interface EditorSettings {
  /** Tab indents in the body editor (off: Tab moves focus, CodeMirror's accessible default). */
  indentWithTab: boolean;
  /** The platform's spell checker underlines words in the body and the form's text fields. */
  spellCheck: boolean;
}

const storageKey = 'postdesk-editor-settings';
const defaults: EditorSettings = { indentWithTab: false, spellCheck: true };

function readSettings(): EditorSettings {
  try {
    const saved = JSON.parse(
      globalThis.localStorage?.getItem(storageKey) ?? 'null',
    ) as Partial<EditorSettings> | null;
    return {
      indentWithTab: typeof saved?.indentWithTab === 'boolean' ? saved.indentWithTab : defaults.indentWithTab,
      spellCheck: typeof saved?.spellCheck === 'boolean' ? saved.spellCheck : defaults.spellCheck,
    };
  } catch {
    return defaults;
  }
}

/** The editor preferences; every change is saved by the subscriber below. */
export const editorSettings = createStore<EditorSettings>(readSettings());

editorSettings.subscribe(() => {
  try {
    globalThis.localStorage?.setItem(storageKey, JSON.stringify(editorSettings.get()));
  } catch {
    // Storage may be unavailable; the choice still holds for this session.
  }
});

/** Turns one preference on or off. */
export function toggleEditorSetting(key: keyof EditorSettings): void {
  editorSettings.set((settings) => ({ ...settings, [key]: !settings[key] }));
}
