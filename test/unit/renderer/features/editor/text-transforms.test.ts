import { describe, expect, it } from 'vitest';
import { formatEdit, type FormatAction } from '../../../../../renderer/features/editor/text-transforms';
import { bodyStats } from '../../../../../renderer/features/status/body-stats';
import type { BodyKind } from '../../../../../shared/api';

/** Applies an action to `marked`, where [ and ] (or a lone |) mark the selection; answers the same notation. */
function run(action: FormatAction, kind: BodyKind, marked: string): string {
  const caret = marked.indexOf('|');
  const from = caret !== -1 ? caret : marked.indexOf('[');
  const text = marked.replace(caret !== -1 ? '|' : /[[\]]/g, '');
  const to = caret !== -1 ? caret : marked.indexOf(']') - 1;
  const edit = formatEdit(action, kind, text, from, to);
  let result = text;
  for (const change of [...edit.changes].sort((a, b) => b.from - a.from)) {
    result = result.slice(0, change.from) + change.insert + result.slice(change.to);
  }
  const { anchor, head } = edit.selection;
  if (anchor === head) return `${result.slice(0, anchor)}|${result.slice(anchor)}`;
  return `${result.slice(0, anchor)}[${result.slice(anchor, head)}]${result.slice(head)}`;
}

describe('Markdown formatting', () => {
  it('wraps and unwraps inline styles', () => {
    expect(run('bold', 'markdown', 'a [word] b')).toBe('a **[word]** b');
    expect(run('bold', 'markdown', 'a **[word]** b')).toBe('a [word] b');
    expect(run('italic', 'markdown', 'a [word] b')).toBe('a *[word]* b');
    expect(run('italic', 'markdown', 'a **[word]** b')).toBe('a ***[word]*** b');
    expect(run('code', 'markdown', 'run [npm test] now')).toBe('run `[npm test]` now');
    expect(run('bold', 'markdown', 'x |y')).toBe('x **[bold text]**y');
  });

  it('writes links and images, selecting what is left to type', () => {
    expect(run('link', 'markdown', 'see [the docs]')).toBe('see [the docs]([https://])');
    expect(run('link', 'markdown', 'see [https://x.org]')).toBe('see [[link text]](https://x.org)');
    expect(run('image', 'markdown', '|')).toBe('![description]([/images/])');
    expect(run('image', 'markdown', '[/images/a.png]')).toBe('![[description]](/images/a.png)');
  });

  it('prefixes lines for headings, lists and quotes, and toggles them off', () => {
    expect(run('heading', 'markdown', 'Ti|tle')).toBe('## Ti|tle');
    expect(run('heading', 'markdown', '## Ti|tle')).toBe('### Ti|tle');
    expect(run('heading', 'markdown', '###### T|')).toBe('T|');
    expect(run('list', 'markdown', '[one\ntwo]')).toBe('- one\n- two|');
    expect(run('list', 'markdown', '[- one\n- two]')).toBe('one\ntwo|');
    expect(run('quote', 'markdown', 'x\n[said]\ny')).toBe('x\n> said|\ny');
    expect(run('quote', 'markdown', 'x\n|\n')).toBe('x\n> |\n');
    expect(run('list', 'markdown', '|')).toBe('- |');
    expect(run('code', 'markdown', '[a\nb]')).toBe('```\n[a\nb]\n```');
  });
});

describe('HTML formatting', () => {
  it('writes tags instead of Markdown', () => {
    expect(run('bold', 'html', '<p>a [word]</p>')).toBe('<p>a <strong>[word]</strong></p>');
    expect(run('italic', 'html', '[w]')).toBe('<em>[w]</em>');
    expect(run('link', 'html', '[docs]')).toBe('<a href="[https://]">docs</a>');
    expect(run('image', 'html', '|')).toBe('<img src="[/images/]" alt="description">');
    expect(run('image', 'html', '[/i/a.png]')).toBe('<img src="/i/a.png" alt="[description]">');
    expect(run('heading', 'html', '<p>Ti|tle</p>')).toBe('<h2>[Title]</h2>');
    expect(run('heading', 'html', '<h2>Ti|tle</h2>')).toBe('[Title]');
    expect(run('quote', 'html', '[said]')).toBe('<blockquote>[said]</blockquote>');
    expect(run('list', 'html', '[one\ntwo]')).toBe('<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>|');
    expect(run('code', 'html', '[a\nb]')).toBe('<pre><code>[a\nb]</code></pre>');
  });
});

describe('body figures', () => {
  it('counts the words a reader sees and the reading time', () => {
    expect(bodyStats('')).toEqual({ words: 0, readingMinutes: 0 });
    expect(bodyStats('<p>It’s a <a href="https://x.org/a-b">well-known</a> café.</p>').words).toBe(4);
    expect(bodyStats('See [the docs](https://example.com/very/long) now.').words).toBe(4);
    expect(bodyStats('word '.repeat(690)).readingMinutes).toBe(3);
  });
});
