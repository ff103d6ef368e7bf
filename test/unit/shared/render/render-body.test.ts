import { describe, expect, it } from 'vitest';
import { lineMarkerAttribute, renderBody } from '../../../../shared/render/render-body';

describe('renderBody', () => {
  it('renders GFM Markdown and keeps HTML blocks', () => {
    const html = renderBody(
      '| a |\n|---|\n| 1 |\n\n~~x~~\n\n<div class="note">kept</div>\n\n- [x] done\n',
      'markdown',
    );
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<del>x</del>');
    expect(html).toContain('<div class="note">kept</div>');
    expect(html).toContain('☑ done');
    expect(html).not.toContain('<input');
  });

  it('passes raw-HTML bodies through as they are', () => {
    const body = '<p>One</p>\n\n# not a heading in HTML mode\n';
    expect(renderBody(body, 'html')).toBe(body);
    expect(renderBody(body, 'html', { lineMarkers: true })).toBe(body);
  });

  it('marks the body line each top-level block starts on, keeping reference links', () => {
    const body =
      '# Title\n\nFirst paragraph\nstill first.\n\n\n- a\n- b\n\nSee [docs][d].\n\n[d]: https://example.org/\n';
    const html = renderBody(body, 'markdown', { lineMarkers: true });
    const lines = [...html.matchAll(new RegExp(`${lineMarkerAttribute}="(\\d+)"`, 'g'))].map((m) =>
      Number(m[1]),
    );
    expect(lines).toEqual([1, 3, 7, 10, 12]);
    expect(html).toContain('<a href="https://example.org/">docs</a>');
    expect(html.replace(/<span data-pd-line="\d+"><\/span>/g, '')).toBe(renderBody(body, 'markdown'));
  });
});
