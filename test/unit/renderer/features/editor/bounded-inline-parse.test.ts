import { parser } from '@lezer/markdown';
import { describe, expect, it } from 'vitest';
import {
  boundedInlineParse,
  maxInlineMarkers,
  tooCostlyInline,
} from '../../../../../renderer/features/editor/bounded-inline-parse';

const bounded = parser.configure([boundedInlineParse]);

function nodeNames(text: string): string[] {
  const names: string[] = [];
  bounded.parse(text).iterate({ enter: (node) => void names.push(node.name) });
  return names;
}

describe('the editor Markdown parse with bounded inline parsing', () => {
  it('keeps inline syntax in ordinary paragraphs', () => {
    const names = nodeNames(
      'Some *emphasis*, a [link](https://example.org/) and `code`.\n\nMore **strong** text.',
    );
    expect(names).toContain('Emphasis');
    expect(names).toContain('StrongEmphasis');
    expect(names).toContain('Link');
    expect(names).toContain('InlineCode');
  });

  it('keeps a paragraph full of markers as one plain paragraph, and its neighbours as they were', () => {
    const hostile = '*a'.repeat(60_000);
    const text = `Before *this*.\n\n${hostile}\n\nAfter *that*.`;
    const tree = bounded.parse(text);
    const paragraphs: Array<{ from: number; to: number; children: number }> = [];
    tree.iterate({
      enter: (node) => {
        if (node.name !== 'Paragraph') return;
        let children = 0;
        const cursor = node.node.cursor();
        if (cursor.firstChild())
          do children++;
          while (cursor.nextSibling());
        paragraphs.push({ from: node.from, to: node.to, children });
      },
    });
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[1]).toEqual({ from: 16, to: 16 + hostile.length, children: 0 });
    expect(paragraphs[0]!.children).toBeGreaterThan(0);
    expect(paragraphs[2]!.children).toBeGreaterThan(0);
  });

  it('counts markers up to the bound only', () => {
    expect(tooCostlyInline('*a'.repeat(maxInlineMarkers))).toBe(false);
    expect(tooCostlyInline('*a'.repeat(maxInlineMarkers + 1))).toBe(true);
    expect(tooCostlyInline('plain words '.repeat(1000))).toBe(false);
  });
});
