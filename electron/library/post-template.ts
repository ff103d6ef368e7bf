import type { FrontMatterFormat, Generator } from '../../shared/api';
import { formatDate, formatGoLayout, hugoDate, type DateStyle } from './date-format';

/** What a new post's text is made from. */
export interface NewPostContext {
  title: string;
  /** The file's base name without extension (the bundle folder's name for a page bundle). */
  slug: string;
  section: string;
  now: Date;
}

const action = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const titleActions = [
  /^\.Title$/,
  /^replace\s+\.(File\.ContentBaseName|Name|File\.BaseFileName|File\.TranslationBaseName)\s+"-"\s+"\s"\s*\|\s*title$/,
  /^title\s*\(\s*replace\s+\.(File\.ContentBaseName|Name|File\.BaseFileName)\s+"-"\s+"\s"\s*\)$/,
  /^\.(File\.ContentBaseName|Name|File\.BaseFileName|File\.TranslationBaseName)\s*\|\s*humanize\s*\|\s*title$/,
];

/**
 * Expands a Hugo archetype for a new post: `{{ .Date }}`, `{{ .Lastmod }}`, `{{ .PublishDate }}`,
 * `{{ now.Format "..." }}`, `{{ .Name }}`, `{{ .File.ContentBaseName }}`, `{{ .Section }}`,
 * `{{ .Type }}`, and the title forms (`{{ .Title }}`, `{{ replace .File.ContentBaseName "-" " " | title }}`),
 * which take the title the user typed, escaped for the quotes around them. Other actions are left as written.
 */
export function expandArchetype(template: string, context: NewPostContext): string {
  return template.replace(action, (whole, expression: string, offset: number) => {
    const value = evaluate(expression.trim(), context);
    if (value === null) return whole;
    if (value.kind === 'date') return value.text;
    return quoteFor(template, offset, whole.length, value.text);
  });
}

function evaluate(
  expression: string,
  context: NewPostContext,
): { kind: 'date' | 'text'; text: string } | null {
  if (/^\.(Date|Lastmod|PublishDate)$/.test(expression)) return { kind: 'date', text: hugoDate(context.now) };
  const layout =
    /^(?:now\.Format|now\s*\|\s*time\.Format|\.Date\s*\|\s*time\.Format|time\.Format)\s+"([^"]*)"(?:\s+now)?$/.exec(
      expression,
    );
  if (layout) return { kind: 'date', text: formatGoLayout(context.now, layout[1] ?? '') };
  if (titleActions.some((pattern) => pattern.test(expression))) return { kind: 'text', text: context.title };
  if (/^\.(Name|File\.ContentBaseName|File\.BaseFileName|File\.TranslationBaseName)$/.test(expression)) {
    return { kind: 'text', text: context.slug };
  }
  if (/^\.(Section|Type)$/.test(expression)) return { kind: 'text', text: context.section };
  return null;
}

/** Escapes `value` for the quotes around the action at `offset`, or quotes it when it stands bare. */
function quoteFor(template: string, offset: number, length: number, value: string): string {
  const before = template[offset - 1];
  const after = template[offset + length];
  if (before === '"' && after === '"') return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  if (before === "'" && after === "'") return value.replace(/'/g, "''");
  const lineStart = template.lastIndexOf('\n', offset - 1) + 1;
  const prefix = template.slice(lineStart, offset);
  if (/^[\w-]+\s*[:=]\s*$/.test(prefix) && needsQuotes(value)) return JSON.stringify(value);
  return value;
}

function needsQuotes(value: string): boolean {
  return (
    !/^[\p{L}\p{N}][\p{L}\p{N} _.,!?()-]*$/u.test(value) || /^(true|false|yes|no|null|on|off)$/i.test(value)
  );
}

/** How the built-in template writes a post, matching the site's existing posts. */
export interface TemplateStyle {
  format: FrontMatterFormat;
  dateStyle: DateStyle;
  generator: Generator;
}

/**
 * The built-in text of a new post when the site has no archetype: a title, the date in the site's
 * usual shape, and `draft: true` on Hugo and configured sites, in the site's usual front matter format.
 */
export function builtInPost(context: NewPostContext, style: TemplateStyle): string {
  const date = formatDate(context.now, style.dateStyle);
  const draft = style.generator === 'hugo' || style.generator === 'configured';
  if (style.format === 'json') {
    const data: Record<string, unknown> = { title: context.title, date };
    if (draft) data.draft = true;
    return `${JSON.stringify(data, null, 2)}\n\n`;
  }
  if (style.format === 'toml') {
    const tomlDate = style.dateStyle === 'jekyll' ? JSON.stringify(date) : date;
    const lines = [`title = ${JSON.stringify(context.title)}`, `date = ${tomlDate}`];
    if (draft) lines.push('draft = true');
    return `+++\n${lines.join('\n')}\n+++\n\n`;
  }
  const lines = [`title: ${JSON.stringify(context.title)}`, `date: ${date}`];
  if (draft) lines.push('draft: true');
  return `---\n${lines.join('\n')}\n---\n\n`;
}

/** The top-level keys and value texts of a sibling post's YAML front matter, in order. */
export type SiblingKeys = Array<{ key: string; value: string }>;

const dateKeys = /^(date|pubDate|publishDate|published|pubdate)$/;
const dateLayouts: Array<[RegExp, string]> = [
  [/^\d{4}-\d{2}-\d{2}$/, '2006-01-02'],
  [/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/, '2006-01-02T15:04:05-07:00'],
  [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/, '2006-01-02 15:04:05 -0700'],
  [/^[A-Z][a-z]{2} \d{2} \d{4}$/, 'Jan 02 2006'],
  [/^[A-Z][a-z]{2} \d{1,2} \d{4}$/, 'Jan 2 2006'],
  [/^[A-Z][a-z]+ \d{1,2}, \d{4}$/, 'January 2, 2006'],
];

/**
 * The text of a new Astro or Eleventy post written like its siblings: the newest sibling's keys in
 * its order, with the title typed, the date key it uses (`date`, `pubDate`, ...) in its own shape and
 * quotes (`'Jul 08 2024'`, `2024-10-12`), `description` empty, `tags` an empty list and an image key
 * (`heroImage`) kept as a comment to fill in; without siblings, the generator's usual keys.
 */
export function siblingStylePost(
  context: NewPostContext,
  generator: Generator,
  sibling: SiblingKeys | null,
): string {
  const keys: SiblingKeys =
    sibling && sibling.some((entry) => entry.key === 'title')
      ? sibling
      : generator === 'astro'
        ? [
            { key: 'title', value: "''" },
            { key: 'description', value: "''" },
            { key: 'pubDate', value: "'Jan 01 2024'" },
          ]
        : [
            { key: 'title', value: '' },
            { key: 'description', value: '' },
            { key: 'date', value: '2024-01-01' },
            { key: 'tags', value: '[]' },
          ];
  const lines: string[] = [];
  let dated = false;
  for (const { key, value } of keys) {
    const quote = /^(['"])/.exec(value)?.[1] ?? '';
    const quoted = (text: string): string =>
      quote === "'"
        ? `'${text.replace(/'/g, "''")}'`
        : quote === '"' || needsQuotes(text)
          ? JSON.stringify(text)
          : text;
    if (key === 'title') lines.push(`title: ${quoted(context.title)}`);
    else if (key === 'description') lines.push(`description: ${quote === '' ? "''" : `${quote}${quote}`}`);
    else if (dateKeys.test(key) && !dated) {
      dated = true;
      const bare = value.replace(/^(['"])(.*)\1$/, '$2');
      const layout = dateLayouts.find(([pattern]) => pattern.test(bare))?.[1] ?? '2006-01-02';
      const text = formatGoLayout(context.now, layout);
      lines.push(`${key}: ${quote}${text}${quote}`);
    } else if (key === 'tags') lines.push('tags: []');
    else if (/image|cover|hero/i.test(key)) lines.push(`# ${key}: ${value}`);
  }
  if (!dated) lines.push(`date: ${formatGoLayout(context.now, '2006-01-02')}`);
  return `---\n${lines.join('\n')}\n---\n\n`;
}
