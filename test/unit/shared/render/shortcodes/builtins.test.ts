import { describe, expect, it } from 'vitest';
import { highlightCode, highlightedLanguages } from '../../../../../shared/render/code/highlight-code';
import { renderBody } from '../../../../../shared/render/render-body';
import { markdownBlocks } from '../../../../../shared/render/render-blocks';
import { hugoSite, jekyllSite, render } from './templates-helpers';

describe('Hugo built-in shortcodes', () => {
  it('figure: image, link, caption (Markdown, HTML escaped), title and size', () => {
    const html = render(
      '{{< figure src="map.png" link="/big.png" alt="Map" title="The map" caption="A *loop* <b>x</b>" width="240" >}}',
    );
    expect(html).toContain(
      '<a href="/big.png"><img src="map.png" alt="Map" title="The map" width="240"></a>',
    );
    expect(html).toContain('<h4>The map</h4>');
    expect(html).toContain('A <em>loop</em> &lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<p><figure');
  });

  it('youtube, vimeo, x, instagram, gist and qr: labelled boxes with the id and a link, never a frame', () => {
    const html = render(
      [
        '{{< youtube abc123 >}}',
        '{{< vimeo id="987" title="Talk" >}}',
        '{{< x user="someone" id="42" >}}',
        '{{< tweet user="someone" id="43" >}}',
        '{{< instagram Cx1 >}}',
        '{{< gist user 1a2b file.md >}}',
        '{{< qr text="https://example.org/" />}}',
      ].join('\n\n'),
    );
    expect(html).toContain('href="https://www.youtube.com/watch?v=abc123"');
    expect(html).toContain(
      '<span class="pd-embed-label">Vimeo video: Talk</span><span class="pd-embed-id">987</span>',
    );
    expect(html).toContain('href="https://x.com/someone/status/42"');
    expect(html).toContain('href="https://x.com/someone/status/43"');
    expect(html).toContain('href="https://www.instagram.com/p/Cx1/"');
    expect(html).toContain('Gist by user: file.md');
    expect(html).toContain('<span class="pd-embed-label">QR code</span>');
    expect(html).not.toMatch(/<iframe|<script/);
  });

  it('highlight (paired) highlights its code; fences do too; unknown languages are escaped', () => {
    const html = render(
      '{{< highlight go >}}\nfunc a() {}\n{{< /highlight >}}\n\n```rust\nfn main() {}\n```\n',
    );
    expect(html).toContain(
      '<code class="hljs language-go"><span class="hljs-function"><span class="hljs-keyword">func</span>',
    );
    expect(html).toContain('<span class="hljs-keyword">fn</span>');
    expect(highlightCode('<b>', 'no-such-language')).toBe(
      '<pre><code class="hljs language-no-such-language">&#60;b&#62;</code></pre>\n',
    );
    expect(highlightedLanguages.length).toBeGreaterThanOrEqual(30);
  });

  it('ref and relref resolve against the posts; a missing one points nowhere', () => {
    const html = render(
      '[a]({{< ref "bundle" >}}) [b]({{< relref "first.md#part" >}}) [c]({{< ref "gone" >}})',
    );
    expect(html).toContain('<a href="https://example.org/posts/bundle/">a</a>');
    expect(html).toContain('<a href="/posts/first/#part">b</a>');
    expect(html).toContain('<a href="#missing-ref-gone">c</a>');
  });

  it('param: front matter first, then site params, dotted keys, a chip when unset', () => {
    expect(render('{{< param author >}}', hugoSite, { Author: 'Page <Author>' })).toContain(
      'Page &#60;Author&#62;',
    );
    expect(render('{{% param "social.mastodon" %}}')).toContain('@me');
    expect(render('{{< param nothing >}}')).toContain('pd-sc-missing');
  });

  it('details renders its summary and inner Markdown; {{% %}} inner Markdown renders', () => {
    const html = render('{{< details summary="More" open="true" >}}\n**inner**\n{{< /details >}}');
    expect(html).toContain('<details open><summary>More</summary>');
    expect(html).toContain('<strong>inner</strong>');
  });

  it('any other shortcode is a labelled chip; paired ones render their inner content, nested too', () => {
    const html = render(
      '{{< badge "new" color="red" >}}\n\n{{% box %}}\nout {{< box >}}in *deep*{{< /box >}}\n{{% /box %}}',
    );
    expect(html).toContain(
      '<span class="pd-sc-name">badge</span> <span class="pd-sc-arg">new</span> <span class="pd-sc-arg">color=red</span>',
    );
    expect(html.match(/pd-sc-block/g)).toHaveLength(2);
    expect(html).toContain('<em>deep</em>');
    expect(html).not.toMatch(/\{\{|\}\}/);
  });

  it('the comment form shows the shortcode as written, also inside code', () => {
    expect(render('{{</* figure src="x" */>}}')).toContain('{{&#60; figure src=&#34;x&#34; &#62;}}');
    expect(render('```\n{{</* x */>}}\n```')).toContain('<code class="hljs">{{&#60; x &#62;}}</code>');
  });

  it('keeps line numbers: blocks after a multi-line shortcode start on their own line', () => {
    const body = 'a\n\n{{< box >}}\none\n\ntwo\n{{< /box >}}\n\n## After\n';
    const split = markdownBlocks(body, { site: hugoSite, page: {}, postId: 'content/posts/first.md' })!;
    expect(split.blocks.map((block) => block.line)).toEqual([1, 3, 9]);
    expect(split.blocks[1]!.render()).toContain('pd-sc-block');
    const marked = renderBody(body, 'markdown', {
      lineMarkers: true,
      templates: { site: hugoSite, page: {}, postId: 'x' },
    });
    expect(marked).toContain('<span data-pd-line="9"></span>');
  });
});

describe('Liquid and Nunjucks tags', () => {
  it('post_url, link, site.baseurl, site.url and url filters become URLs', () => {
    const html = render(
      '[a]({% post_url 2020-01-02-hello %}) [b]({% link about.md %}) ![c]({{ site.baseurl }}/i.png) {{ site.url }} [d]({{ "/x/" | relative_url }}) [e]({{ "/y" | absolute_url }})',
      jekyllSite,
    );
    expect(html).toContain('<a href="/blog/2020/01/02/hello.html">a</a>');
    expect(html).toContain('<a href="/blog/about.html">b</a>');
    expect(html).toContain('<img src="/blog/i.png" alt="c">');
    expect(html).toContain('https://blog.example.org');
    expect(html).toContain('<a href="/blog/x/">d</a>');
    expect(html).toContain('<a href="https://blog.example.org/blog/y">e</a>');
  });

  it('include, image and other shortcodes are labelled placeholders; output with filters shows its expression', () => {
    const html = render(
      '{% include note.html level="2" %}\n\n{% image "/a.png", "An alt" %}\n\n{% youtube "x" %} {{ page.date | date: "%Y" }}',
      jekyllSite,
    );
    expect(html).toContain(
      '<span class="pd-sc-name">include note.html</span> <span class="pd-sc-arg">level=2</span>',
    );
    expect(html).toContain('<img src="/a.png" alt="An alt">');
    expect(html).toContain('<span class="pd-sc-name">youtube</span>');
    expect(html).toContain('<span class="pd-sc-name">{{ page.date | date: &#34;%Y&#34; }}</span>');
  });

  it('highlight highlights, raw shows its content as written, comments vanish, control flow is a chip', () => {
    const html = render(
      '{% highlight ruby %}\nputs 1\n{% endhighlight %}\n\n{% raw %}{{ x }}{% endraw %}\n\n{% comment %}hidden{% endcomment %}{% if a %}shown{% endif %}',
      jekyllSite,
    );
    expect(html).toContain('<code class="hljs language-ruby">puts <span class="hljs-number">1</span>');
    expect(html).toContain('{{ x }}');
    expect(html).not.toContain('hidden');
    expect(html).toContain('<span class="pd-sc-name">{% if a %}</span>');
  });
});

describe('hostile parameters', () => {
  it('never lets a parameter become HTML or break out of an attribute', () => {
    const payloads = [
      '{{< figure src="x\\" onerror=\\"alert(1)" alt="a" >}}',
      '{{< youtube id="\\"><img src=x onerror=alert(1)>" >}}',
      '{{< gist "x\\"><script>alert(1)</script>" 1 >}}',
      '{{< custom title="a >}} <img src=x onerror=alert(1)>" >}}',
      '{{< param "<script>alert(1)</script>" >}}',
      '{{< x user="<b>" id="\'><svg onload=alert(1)>" >}}',
    ];
    for (const payload of payloads) {
      const html = render(payload);
      expect(html, payload).not.toMatch(/<script|<svg|<b>|onerror="alert|<img src=x/);
      expect(html, payload).not.toMatch(/\{\{</);
    }
    const liquid = render(
      '{% include "<img src=x onerror=alert(1)>" %} {{ "<img src=x onerror=alert(1)>" | relative_url }}',
      jekyllSite,
    );
    expect(liquid).not.toContain('<img src=x');
  });

  it('strips marker characters a body might carry', () => {
    expect(render('a \uE000\uE010\uE001 b {{< badge >}}')).toContain('a \uFFFD\uE010\uFFFD b');
  });
});

describe('math', () => {
  it('renders $…$, \\(…\\) and $$…$$ with KaTeX when the site enables it, never inside code', () => {
    const site = { ...hugoSite, math: true };
    const html = render('Inline $a^2$ and \\(b_1\\), prices $5 and $6.\n\n$$\nE = mc^2\n$$\n\n`$x$`\n', site);
    expect(html.match(/class="katex"/g)).toHaveLength(3);
    expect(html).toContain('<div class="pd-math"><span class="katex-display">');
    expect(html).toContain('prices $5 and $6.');
    expect(html).toContain('<code>$x$</code>');
    expect(html).not.toMatch(/<script|javascript:/);
    expect(render('Inline $a^2$', hugoSite)).toContain('Inline $a^2$');
  });

  it('shows a bad or hostile formula as an error, never as HTML or a link', () => {
    const html = render('$\\href{javascript:alert(1)}{x}$ and $\\frac{$', { ...hugoSite, math: true });
    expect(html).not.toContain('href="javascript');
    expect(html).not.toMatch(/<a /);
  });
});
