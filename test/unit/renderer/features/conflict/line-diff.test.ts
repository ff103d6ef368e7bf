import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, sideBySide, splitLines } from '../../../../../renderer/features/conflict/line-diff';

describe('diffLines', () => {
  it('splits lines the same way for LF and CRLF and ignores one final newline', () => {
    expect(splitLines('a\r\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
  });
  it('marks kept, removed and added lines', () => {
    expect(diffLines('a\nb\nc\n', 'a\nB\nc\nd\n')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'B' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ]);
    expect(diffLines('same\n', 'same\n')).toEqual([{ kind: 'same', text: 'same' }]);
    expect(diffLines('', 'x')).toEqual([{ kind: 'added', text: 'x' }]);
  });
  it('keeps a common subsequence in the middle of a change', () => {
    const lines = diffLines('1\nx\n2\ny\n3', '1\n2\nz\n3');
    expect(lines.filter((line) => line.kind === 'same').map((line) => line.text)).toEqual(['1', '2', '3']);
  });
  it('always rebuilds both texts from its lines', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 30 })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = diffLines(before, after);
        const old = lines.filter((line) => line.kind !== 'added').map((line) => line.text);
        const fresh = lines.filter((line) => line.kind !== 'removed').map((line) => line.text);
        expect(old).toEqual(splitLines(before));
        expect(fresh).toEqual(splitLines(after));
      }),
    );
  });
  it('degrades to a whole replacement past its size bound instead of hanging', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}`).join('\n');
    const lines = diffLines(before, after);
    expect(lines).toHaveLength(6000);
  });
});

describe('sideBySide', () => {
  it('faces removed runs with the added runs that replaced them and numbers each side', () => {
    const rows = sideBySide(diffLines('a\nb\nc\n', 'a\nB\nB2\nc\n'));
    expect(rows).toEqual([
      { kind: 'same', left: { line: 1, text: 'a' }, right: { line: 1, text: 'a' } },
      { kind: 'changed', left: { line: 2, text: 'b' }, right: { line: 2, text: 'B' } },
      { kind: 'added', left: null, right: { line: 3, text: 'B2' } },
      { kind: 'same', left: { line: 3, text: 'c' }, right: { line: 4, text: 'c' } },
    ]);
  });
  it('shows a removed line with nothing facing it', () => {
    expect(sideBySide(diffLines('a\nb', 'a'))).toEqual([
      { kind: 'same', left: { line: 1, text: 'a' }, right: { line: 1, text: 'a' } },
      { kind: 'removed', left: { line: 2, text: 'b' }, right: null },
    ]);
  });
});
