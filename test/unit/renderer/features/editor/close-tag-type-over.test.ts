// Typing a closing tag by hand right before the one the editor auto-inserted must not double it
// (`</p></p>`): the typed tag steps over the existing one. Anything else is left to the editor.
import { describe, expect, it } from 'vitest';
import {
  closingTagTypeOver,
  typeOverCompletion,
} from '../../../../../renderer/features/editor/close-tag-type-over';

/** Applies the type-over to `doc` with the caret at `|`, as typing `text` there would. */
function type(docWithCaret: string, text: string): string | null {
  const at = docWithCaret.indexOf('|');
  const doc = docWithCaret.replace('|', '');
  const edit = closingTagTypeOver(doc.slice(Math.max(0, at - 80), at), doc.slice(at, at + 80), at, text);
  if (!edit) return null;
  const result = doc.slice(0, edit.from) + edit.insert + doc.slice(edit.to);
  return `${result.slice(0, edit.caret)}|${result.slice(edit.caret)}`;
}

describe('closing tag type-over', () => {
  it('merges a typed </p> with the auto-inserted one and steps over it', () => {
    expect(type('<p>Hello</p|</p>', '>')).toBe('<p>Hello</p>|');
    expect(type('<p>Hello</p|</p>\n<p>next</p>', '>')).toBe('<p>Hello</p>|\n<p>next</p>');
  });

  it('works for any tag name, nested ones and custom elements', () => {
    expect(type('<div><em>x</em|</em></div>', '>')).toBe('<div><em>x</em>|</div>');
    expect(type('<my-card>x</my-card|</my-card>', '>')).toBe('<my-card>x</my-card>|');
  });

  it('leaves every other keystroke alone', () => {
    expect(type('<p>Hello</p|', '>')).toBeNull();
    expect(type('<p>Hello</p|</div>', '>')).toBeNull();
    expect(type('<p>Hello</p|</pre>', '>')).toBeNull();
    expect(type('<p>Hello|</p>', 'x')).toBeNull();
    expect(type('a < b |</p>', '>')).toBeNull();
    expect(type('<p>Hello<p|</p>', '>')).toBeNull();
  });
});

describe('typing over a completed closing tag name', () => {
  it('swallows the completed characters one by one, then stops', () => {
    expect(typeOverCompletion('em>', 'e')).toBe('m>');
    expect(typeOverCompletion('m>', 'm')).toBe('>');
    expect(typeOverCompletion('>', '>')).toBeNull();
  });

  it('writes any other character', () => {
    expect(typeOverCompletion('em>', 'x')).toBeUndefined();
    expect(typeOverCompletion('em>', 'em')).toBeUndefined();
    expect(typeOverCompletion('', 'e')).toBeUndefined();
  });
});
