import type { Generator } from '../api';
import type { FrontMatterSplit } from './split-front-matter';

/**
 * Why Postdesk shows a post's front matter read-only, or null when it can edit it: a `---js` block
 * is code (Eleventy runs it), a `---json` or other language-tagged block is not a form Postdesk
 * writes, and, on a Jekyll site, YAML whose values hold Liquid tags (`{{ site.name }}`, `{% ... %}`)
 * is expanded by Jekyll, so a rewrite could change what it builds. One line, for the user.
 */
export function lockedFrontMatterReason(
  text: string,
  split: FrontMatterSplit,
  generator: Generator | null,
): string | null {
  if (split.language !== undefined) {
    return split.language === 'js' || split.language === 'javascript'
      ? 'JavaScript front matter (---js) is code the generator runs: Postdesk shows it read-only and never changes it.'
      : `Front matter tagged ---${split.language} is shown read-only: Postdesk only edits YAML, TOML and plain JSON blocks.`;
  }
  if (generator === 'jekyll' && split.format === 'yaml' && split.error === null) {
    const raw = text.slice(split.rawStart, split.rawEnd);
    if (/^[^#\n]*:[^\n#]*(\{\{|\{%)/m.test(raw)) {
      return 'Liquid tags in front matter values ({{ }} or {% %}) are expanded by Jekyll: Postdesk shows the block read-only so they keep every byte.';
    }
  }
  return null;
}

/**
 * The title of a language-tagged block when it can be read without running anything: a plain
 * `const title = "..."` (or `'...'`) literal in `---js`, or a top-level `"title"` string in `---json`.
 */
export function lockedBlockTitle(raw: string, language: string): string | null {
  if (language === 'json') {
    try {
      const data: unknown = JSON.parse(raw);
      const title = (data as { title?: unknown } | null)?.title;
      return typeof title === 'string' && title.trim() !== '' ? title : null;
    } catch {
      return null;
    }
  }
  const match =
    /^[ \t]*(?:const|let|var)[ \t]+title[ \t]*=[ \t]*(?:"((?:[^"\\\n]|\\.){1,500})"|'((?:[^'\\\n]|\\.){1,500})')[ \t]*;?[ \t]*$/m.exec(
      raw,
    );
  const literal = match?.[1] ?? match?.[2];
  if (literal === undefined) return null;
  return literal.replace(/\\(.)/g, '$1');
}
