import { describe, expect, it } from 'vitest';
import { pairTags } from '../../../../../shared/render/shortcodes/pair-tags';
import { maxTagLength, scanTags } from '../../../../../shared/render/shortcodes/scan-tags';

const hugo = { hugo: true, liquid: false };
const liquid = { hugo: false, liquid: true };

describe('scanTags (Hugo)', () => {
  it('reads both forms with named and positional parameters, closers and self-closers', () => {
    const text =
      'a {{< figure src="a b.png" width=300 >}} {{% note "tip" %}}x{{% /note %}} {{< new-in 1.2 />}}';
    const tags = scanTags(text, hugo);
    expect(tags.map((tag) => [tag.name, tag.markdown, tag.closing, tag.selfClosing])).toEqual([
      ['figure', false, false, false],
      ['note', true, false, false],
      ['note', true, true, false],
      ['new-in', false, false, true],
    ]);
    expect(tags[0]!.args).toEqual({ positional: [], named: { src: 'a b.png', width: '300' } });
    expect(tags[1]!.args.positional).toEqual(['tip']);
    expect(text.slice(tags[0]!.from, tags[0]!.to)).toBe('{{< figure src="a b.png" width=300 >}}');
  });

  it('keeps a closing delimiter inside a quoted string, raw strings and escaped quotes', () => {
    const tags = scanTags('{{< x title="a >}} b" code=`c %}} d` q="say \\"hi\\"" >}}', hugo);
    expect(tags).toHaveLength(1);
    expect(tags[0]!.args.named).toEqual({ title: 'a >}} b', code: 'c %}} d', q: 'say "hi"' });
  });

  it('reads the comment form as the shortcode written out', () => {
    const [tag] = scanTags('{{</* figure src="x" */>}} and {{%/* p */%}}', hugo);
    expect(tag!.kind).toBe('comment');
    expect(tag!.markup).toBe('{{< figure src="x" >}}');
    expect(scanTags('{{%/* p */%}}', hugo)[0]!.markup).toBe('{{% p %}}');
  });

  it('leaves unclosed, over-long and Liquid-only syntax as text', () => {
    expect(scanTags('{{< figure src="x" ', hugo)).toEqual([]);
    expect(scanTags(`{{< x a="${'y'.repeat(maxTagLength)}" >}}`, hugo)).toEqual([]);
    expect(scanTags('{{ .Title }} {% include x %}', hugo)).toEqual([]);
    expect(scanTags('{{< "not a name" >}}', hugo)).toEqual([]);
  });

  it('pairs closers with the nearest opener and reports unclosed and stray tags', () => {
    const tags = scanTags(
      '{{< a >}}{{< figure src=x >}}{{< /a >}}{{< highlight go >}}{{< /nothing >}}{{< details >}}',
      hugo,
    );
    const { pairs, stray, unclosed } = pairTags(tags);
    expect([...pairs]).toEqual([[0, 2]]);
    expect(stray.map((index) => tags[index]!.name)).toEqual(['nothing']);
    expect(unclosed.map((index) => tags[index]!.name)).toEqual(['highlight', 'details']);
  });

  it('reads a large body of many tags in one pass', () => {
    const body = '{{< x >}} text {{< y a="1" >}}\n'.repeat(5000) + '{{< '.repeat(20000);
    expect(scanTags(body, hugo)).toHaveLength(10000);
  });
});

describe('scanTags (Liquid / Nunjucks)', () => {
  it('reads tags with comma-separated arguments, output tags and comments, trimming dashes', () => {
    const tags = scanTags('{%- image "a.png", "An alt" -%} {{ site.url | append: "/x" }} {# note #}', liquid);
    expect(tags.map((tag) => tag.kind)).toEqual(['tag', 'output', 'note']);
    expect(tags[0]!.name).toBe('image');
    expect(tags[0]!.args.positional).toEqual(['a.png', 'An alt']);
    expect(tags[1]!.markup).toBe('site.url | append: "/x"');
  });

  it('reads nothing inside raw but its end tag', () => {
    const tags = scanTags('{% raw %}{{ kept }} {% include x %}{% endraw %}{{ after }}', liquid);
    expect(tags.map((tag) => tag.name || tag.markup)).toEqual(['raw', 'endraw', 'after']);
  });

  it('pairs end tags and never pairs control flow', () => {
    const tags = scanTags('{% if a %}{% aside "w" %}x{% endaside %}{% endif %}{% highlight ruby %}', liquid);
    const { pairs, unclosed } = pairTags(tags);
    expect([...pairs]).toEqual([[1, 2]]);
    expect(unclosed.map((index) => tags[index]!.name)).toEqual(['highlight']);
  });
});
