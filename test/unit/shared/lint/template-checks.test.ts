import { describe, expect, it } from 'vitest';
import { checkBody } from '../../../../shared/lint/check-post';
import { checkMissingFiles, findSiteRefs } from '../../../../shared/lint/site-refs';
import { checkTemplates, templateSiteRefs } from '../../../../shared/lint/template-checks';

describe('checkTemplates', () => {
  it('accepts unknown, self-closing and paired shortcodes and Liquid blocks', () => {
    expect(
      checkTemplates(
        '{{< custom a=1 >}}\n{{< new-in 1 />}}\n{{% box %}}x{{% /box %}}\n{% highlight go %}x{% endhighlight %}\n{% if a %}{% endif %}',
      ),
    ).toEqual([]);
  });

  it('reports an unclosed highlight/details and a closer without opener, where they are', () => {
    const body = 'intro\n{{< highlight go >}}\ncode\n\n{{< /figure >}}\n{% raw %}\n';
    const problems = checkTemplates(body);
    expect(problems.map((problem) => problem.message)).toEqual([
      '{{< highlight >}} is opened here but never closed, so the rest of the post may not show.',
      '{{< /figure >}} closes nothing: there is no opening tag before it.',
      '{% raw %} is opened here but never closed, so the rest of the post may not show.',
    ]);
    // The line is the editor's business (the problems list shows the file's line): here, 2, 5 and 6 of the body.
    expect(problems.map((problem) => body.slice(0, problem.from).split('\n').length)).toEqual([2, 5, 6]);
    expect(body.slice(problems[0]!.from, problems[0]!.to)).toBe('{{< highlight go >}}');
    expect(checkBody(body, 'markdown').filter((problem) => problem.code === 'template-tag')).toHaveLength(3);
  });

  it('reports a crossing closer as mismatched', () => {
    const problems = checkTemplates('{{< details >}}{{< /other >}}');
    expect(problems.map((problem) => problem.message)).toEqual([
      '{{< details >}} is opened here but never closed, so the rest of the post may not show.',
      '{{< /other >}} closes nothing: there is no opening tag before it.',
    ]);
  });
});

describe('templateSiteRefs', () => {
  it('names figure sources, content-path refs and include files; the missing ones become problems', () => {
    const body =
      '{{< figure src="map.png" >}} {{< ref "/posts/gone.md" >}} {{< ref "by-name" >}} {% include note.html %} {% include {{ var }} %}';
    const refs = templateSiteRefs(body, 'static', 'content/posts/trip/index.md');
    expect(refs.map((ref) => ref.id)).toEqual([
      'content/posts/trip/map.png',
      'content/posts/gone.md',
      'static/_includes/note.html',
    ]);
    const all = findSiteRefs(body, true, 'static', 'content/posts/trip/index.md');
    const problems = checkMissingFiles(all, new Set(['content/posts/trip/map.png']));
    expect(problems.map((problem) => problem.message)).toEqual([
      'Linked file {{< ref "/posts/gone.md" >}} is not in the site (looked for content/posts/gone.md).',
      'Linked file {% include note.html %} is not in the site (looked for static/_includes/note.html).',
    ]);
    expect(templateSiteRefs('{% include tide.html %}', '.', '_posts/x.md')[0]!.id).toBe(
      '_includes/tide.html',
    );
  });
});
