import { describe, expect, it } from 'vitest';
import { isBalancedHtml, markdownBlocks } from '../../../../shared/render/render-blocks';
import { renderBody } from '../../../../shared/render/render-body';

describe('markdownBlocks', () => {
  it('splits a body into blocks that render, together, as the whole body does', () => {
    const body =
      '# Title\n\nText with a [ref][r].\n\n- a\n- b\n\n```js\nlet x;\n\n\nx = 1;\n```\n\n<figure><img src="/i.png" alt="i"></figure>\n\n[r]: https://example.org/\n';
    const split = markdownBlocks(body)!;
    expect(split.blocks.map((block) => block.line)).toEqual([1, 3, 5, 8, 15, 17]);
    expect(split.blocks.map((block) => block.raw).join('')).toBe(body);
    expect(split.blocks.map((block) => block.render()).join('')).toBe(renderBody(body, 'markdown'));
  });

  it('keeps the raw text of unchanged blocks when another block is edited', () => {
    const before = markdownBlocks('One.\n\nTwo.\n\nThree.\n')!.blocks.map((block) => block.raw);
    const after = markdownBlocks('One.\n\nTwo, edited.\n\nThree.\n')!.blocks.map((block) => block.raw);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[2]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('refuses to split HTML blocks that wrap other blocks', () => {
    expect(markdownBlocks('<div class="box">\n\n**inside**\n\n</div>\n')).toBeNull();
    expect(markdownBlocks('<div class="box">whole</div>\n\ntext\n')).not.toBeNull();
  });
});

describe('isBalancedHtml', () => {
  it('counts open and closed elements, skipping void ones and comments', () => {
    expect(isBalancedHtml('<p>a<br><img src=x></p>')).toBe(true);
    expect(isBalancedHtml('<div><!-- <span> --></div>')).toBe(true);
    expect(isBalancedHtml('<div>')).toBe(false);
    expect(isBalancedHtml('</section>')).toBe(false);
    expect(isBalancedHtml('<svg><path d="M0"/></svg>')).toBe(true);
  });
});
