import { describe, expect, it } from 'vitest';
import { mdxToMarkdown } from '../../../../shared/render/mdx-preview';
import { renderBody } from '../../../../shared/render/render-body';

const render = (body: string): string => renderBody(mdxToMarkdown(body), 'markdown');

describe('mdxToMarkdown', () => {
  it('leaves import/export statements out (one line or many) and keeps the Markdown', () => {
    const html = render(
      "import Chart from '../../../components/Chart.astro';\nexport const meta = {\n  a: 1,\n};\n\n# Title\n\nText *here*.\n",
    );
    expect(html).not.toMatch(/import|export|Chart\.astro|a: 1/);
    expect(html).toContain('<h1>Title</h1>');
    expect(html).toContain('<em>here</em>');
  });

  it('shows a block component as a labelled placeholder with its children rendered as Markdown', () => {
    const html = render(
      '<TideChart port="Falmouth" days={3}>\n  Heights for the *next days*.\n</TideChart>\n\nAfter.\n',
    );
    expect(html).toContain(
      '<div class="pd-mdx-component"><div class="pd-mdx-label">TideChart port=&quot;Falmouth&quot; days={3}</div>',
    );
    expect(html).toContain('<em>next days</em>');
    expect(html).toMatch(/<\/div>\s*<p>After\.<\/p>/);
  });

  it('shows inline and self-closing components, fragments and dotted names', () => {
    const html = render('A <Badge text="new" /> and <motion.div>moving</motion.div> and <>frag</>.\n');
    expect(html).toContain(
      '<span class="pd-mdx-component"><span class="pd-mdx-label">Badge text=&quot;new&quot;</span></span>',
    );
    expect(html).toContain('<span class="pd-mdx-label">motion.div</span>moving</span>');
    expect(html).toContain('<span class="pd-mdx-label">Fragment</span>frag</span>');
  });

  it('puts props in the label as text only: markup and handlers in props never become elements or attributes', () => {
    const html = render(
      '<Card title="<img src=x onerror=alert(1)>" onClick={() => alert("x > y")}>\nBody\n</Card>\n',
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<[^>]+onclick/i);
  });

  it('keeps code fences and code spans as written', () => {
    const html = render('```jsx\nimport X from "x";\n<Chart />\n```\n\nUse `<Chart />` here.\n');
    // The fence is highlighted (spans around words): its text is kept as written.
    expect(html.replace(/<\/?span[^>]*>/g, '')).toContain('import X from &quot;x&quot;;');
    expect(html).toContain('&lt;Chart /&gt;');
    expect(html).not.toContain('pd-mdx-component');
  });

  it('leaves lower-case HTML and autolinks to Markdown, and an unclosed tag as text', () => {
    expect(render('<div>raw</div>\n')).toContain('<div>raw</div>');
    expect(render('<https://example.com>\n')).toContain('href="https://example.com"');
    expect(render('a < B and <Broken\n')).not.toContain('pd-mdx');
  });

  it('is linear on a long hostile body (an unclosed brace after many tags)', () => {
    const body = `${'<A x={1}>\n'.repeat(5000)}{{{{{\n${'<B '.repeat(20000)}`;
    const out = mdxToMarkdown(body);
    expect(out.length).toBeGreaterThan(body.length);
  });
});
