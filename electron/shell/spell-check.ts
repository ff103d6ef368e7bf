import type { ContextMenuParams, MenuItemConstructorOptions, Session, WebContents } from 'electron';

/** What the spell checker needs of Electron: the session's dictionaries and a way to show a menu. */
export interface SpellCheckParts {
  session: Pick<
    Session,
    'availableSpellCheckerLanguages' | 'setSpellCheckerLanguages' | 'addWordToSpellCheckerDictionary'
  >;
  /** The OS's preferred languages, most preferred first (`app.getPreferredSystemLanguages()`). */
  preferredLanguages: readonly string[];
  platform: NodeJS.Platform;
  /** Builds and shows a context menu (`Menu.buildFromTemplate(template).popup()`). */
  popup(template: MenuItemConstructorOptions[]): void;
}

/**
 * The dictionaries to check with: each OS-preferred language Electron has a dictionary for, exactly
 * ("en-GB") or by its base language ("en" -> "en-US"), in the OS's order, at most three; "en-US" when
 * none matches and it exists; else none.
 */
export function pickSpellCheckerLanguages(
  preferred: readonly string[],
  available: readonly string[],
): string[] {
  const chosen: string[] = [];
  const add = (language: string | undefined): void => {
    if (language !== undefined && !chosen.includes(language) && chosen.length < 3) chosen.push(language);
  };
  for (const wanted of preferred) {
    const exact = available.find((language) => language.toLowerCase() === wanted.toLowerCase());
    const base = wanted.split('-')[0]?.toLowerCase();
    add(exact ?? available.find((language) => language.split('-')[0]?.toLowerCase() === base));
  }
  if (chosen.length === 0 && available.includes('en-US')) chosen.push('en-US');
  return chosen;
}

/**
 * The right-click menu of the page: over a misspelled word its suggestions (replacing the word) and
 * "Add to Dictionary", then the edit actions the spot allows (Cut, Copy, Paste, Select All).
 */
export function contextMenuTemplate(
  params: Pick<ContextMenuParams, 'misspelledWord' | 'dictionarySuggestions' | 'isEditable' | 'editFlags'>,
  contents: Pick<WebContents, 'replaceMisspelling'>,
  session: SpellCheckParts['session'],
): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) items.push({ label: 'No Spelling Suggestions', enabled: false });
    for (const suggestion of suggestions) {
      items.push({ label: suggestion, click: () => contents.replaceMisspelling(suggestion) });
    }
    items.push({
      label: 'Add to Dictionary',
      click: () => session.addWordToSpellCheckerDictionary(params.misspelledWord),
    });
    items.push({ type: 'separator' });
  }
  if (params.isEditable) {
    items.push({ role: 'cut', enabled: params.editFlags.canCut });
    items.push({ role: 'copy', enabled: params.editFlags.canCopy });
    items.push({ role: 'paste', enabled: params.editFlags.canPaste });
    items.push({ type: 'separator' }, { role: 'selectAll', enabled: params.editFlags.canSelectAll });
  } else if (params.editFlags.canCopy) {
    items.push({ role: 'copy' });
  }
  return items;
}

/**
 * Turns the platform's spell checker on for a window: the OS languages' dictionaries (macOS uses its
 * own checker and languages) and the context menu with suggestions and "Add to Dictionary".
 */
export function attachSpellCheck(
  contents: Pick<WebContents, 'on' | 'replaceMisspelling'>,
  parts: SpellCheckParts,
): void {
  if (parts.platform !== 'darwin') {
    const languages = pickSpellCheckerLanguages(
      parts.preferredLanguages,
      parts.session.availableSpellCheckerLanguages,
    );
    if (languages.length > 0) parts.session.setSpellCheckerLanguages(languages);
  }
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, contents, parts.session);
    if (template.length > 0) parts.popup(template);
  });
}
