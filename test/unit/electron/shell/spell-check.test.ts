// The desktop app's spell checker: dictionaries from the OS's languages, and a context menu whose
// suggestions replace the misspelled word and whose "Add to Dictionary" teaches the session.
import { describe, expect, it, vi } from 'vitest';
import {
  attachSpellCheck,
  contextMenuTemplate,
  pickSpellCheckerLanguages,
} from '../../../../electron/shell/spell-check';
import { FakeWebContents, fakeEvent } from '../../../support/fake-electron';

const editFlags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true } as never;

function session() {
  return {
    availableSpellCheckerLanguages: ['de-DE', 'en-GB', 'en-US', 'fr'],
    setSpellCheckerLanguages: vi.fn(),
    addWordToSpellCheckerDictionary: vi.fn(() => true),
  };
}

describe('spell checker languages', () => {
  it('follows the OS languages, exactly or by base language, in order', () => {
    const available = ['de-DE', 'en-GB', 'en-US', 'fr'];
    expect(pickSpellCheckerLanguages(['en-GB', 'fr-FR'], available)).toEqual(['en-GB', 'fr']);
    expect(pickSpellCheckerLanguages(['de', 'en'], available)).toEqual(['de-DE', 'en-GB']);
    expect(pickSpellCheckerLanguages(['ja-JP'], available)).toEqual(['en-US']);
    expect(pickSpellCheckerLanguages(['ja-JP'], ['fr'])).toEqual([]);
    expect(pickSpellCheckerLanguages(['en-GB', 'en-US', 'de-AT', 'fr-CA', 'de'], available)).toHaveLength(3);
  });
});

describe('the spelling context menu', () => {
  it('offers the suggestions, each replacing the word, and Add to Dictionary', () => {
    const contents = { replaceMisspelling: vi.fn() };
    const dictionary = session();
    const template = contextMenuTemplate(
      {
        misspelledWord: 'recieve',
        dictionarySuggestions: ['receive', 'relieve'],
        isEditable: true,
        editFlags,
      },
      contents,
      dictionary,
    );
    expect(template.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'receive',
      'relieve',
      'Add to Dictionary',
      'separator',
      'cut',
      'copy',
      'paste',
      'separator',
      'selectAll',
    ]);
    template[0]!.click!({} as never, undefined, {} as never);
    expect(contents.replaceMisspelling).toHaveBeenCalledWith('receive');
    template[2]!.click!({} as never, undefined, {} as never);
    expect(dictionary.addWordToSpellCheckerDictionary).toHaveBeenCalledWith('recieve');
  });

  it('says when there is no suggestion, and shows only edit actions over a correct word', () => {
    const none = contextMenuTemplate(
      { misspelledWord: 'qzxw', dictionarySuggestions: [], isEditable: true, editFlags },
      { replaceMisspelling: vi.fn() },
      session(),
    );
    expect(none[0]).toMatchObject({ label: 'No Spelling Suggestions', enabled: false });
    const plain = contextMenuTemplate(
      { misspelledWord: '', dictionarySuggestions: [], isEditable: true, editFlags },
      { replaceMisspelling: vi.fn() },
      session(),
    );
    expect(plain.some((item) => item.label === 'Add to Dictionary')).toBe(false);
    expect(plain[0]).toMatchObject({ role: 'cut' });
  });

  it('is attached to a window: languages set (not on macOS) and the menu shown on right click', () => {
    const contents = new FakeWebContents();
    const dictionary = session();
    const popup = vi.fn();
    attachSpellCheck(contents as never, {
      session: dictionary,
      preferredLanguages: ['fr-FR'],
      platform: 'linux',
      popup,
    });
    expect(dictionary.setSpellCheckerLanguages).toHaveBeenCalledWith(['fr']);
    contents.emit('context-menu', fakeEvent(), {
      misspelledWord: 'teh',
      dictionarySuggestions: ['the'],
      isEditable: true,
      editFlags,
    });
    expect(popup).toHaveBeenCalledTimes(1);
    expect(popup.mock.calls[0]![0][0]).toMatchObject({ label: 'the' });
    const mac = session();
    attachSpellCheck(new FakeWebContents() as never, {
      session: mac,
      preferredLanguages: ['fr-FR'],
      platform: 'darwin',
      popup,
    });
    expect(mac.setSpellCheckerLanguages).not.toHaveBeenCalled();
  });
});
