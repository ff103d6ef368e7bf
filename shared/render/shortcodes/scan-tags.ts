/** Which template syntaxes a body is read with: Hugo shortcodes, Liquid/Nunjucks tags, or both. */
export interface TagDialects {
  hugo: boolean;
  liquid: boolean;
}

/** The arguments of a tag: positional values and `name=value` pairs, quotes removed. */
export interface TagArgs {
  positional: string[];
  named: Record<string, string>;
}

/** One template tag found in a body, with its offsets and parsed arguments. */
export interface TemplateTag {
  /** `shortcode` ({{< >}} / {{% %}}), `tag` ({% %}), `output` ({{ }}), `comment` (the `{{</*` comment form), `note` ({# #}). */
  kind: 'shortcode' | 'tag' | 'output' | 'comment' | 'note';
  from: number;
  to: number;
  /** The shortcode's or tag's name (`figure`, `include`, `endhighlight`); for `output`, ''. */
  name: string;
  /** `{{% %}}`: the inner content is Markdown. */
  markdown: boolean;
  /** `{{< /name >}}` (for Liquid, closers are the `end…` names). */
  closing: boolean;
  /** `{{< name />}}`. */
  selfClosing: boolean;
  args: TagArgs;
  /** What stands between the delimiters, trimmed (the expression of an output tag, the text of a comment). */
  markup: string;
}

/** The longest tag read; a longer one is left as text. */
export const maxTagLength = 4096;

const liquidControl = new Set([
  'if',
  'elsif',
  'else',
  'endif',
  'unless',
  'endunless',
  'for',
  'endfor',
  'case',
  'when',
  'endcase',
  'assign',
  'capture',
  'endcapture',
  'break',
  'continue',
  'cycle',
  'increment',
  'decrement',
  'set',
  'endset',
  'macro',
  'endmacro',
  'block',
  'endblock',
  'extends',
  'import',
  'from',
  'elif',
  'layout',
]);

/** True for Liquid/Nunjucks control-flow tags (shown as a chip, never paired). */
export function isControlTag(name: string): boolean {
  return liquidControl.has(name);
}

/**
 * Finds the template tags of a body in one forward pass (no backtracking): Hugo shortcodes in
 * both forms and their comment form, Liquid/Nunjucks tags, output tags and comments. Quoted strings
 * inside a tag may hold its closing delimiter; a tag longer than `maxTagLength` or never closed is
 * left as text. Inside `{% raw %}`/`{% comment %}` only the matching end tag is read.
 */
export function scanTags(text: string, dialects: TagDialects): TemplateTag[] {
  const tags: TemplateTag[] = [];
  // Where each closing delimiter occurs next (cached, so a body without one costs one search).
  const nextClose = new Map<string, number>();
  const closeAfter = (sequence: string, from: number): number => {
    const known = nextClose.get(sequence);
    if (known !== undefined && (known === -1 || known >= from)) return known;
    const found = text.indexOf(sequence, from);
    nextClose.set(sequence, found);
    return found;
  };
  let rawUntil: string | null = null;
  let index = text.indexOf('{');
  while (index !== -1 && index < text.length - 1) {
    failedAt = -1;
    const tag = readTag(text, index, dialects, closeAfter);
    if (tag && (rawUntil === null || (tag.kind === 'tag' && tag.name === rawUntil))) {
      tags.push(tag);
      if (rawUntil !== null) rawUntil = null;
      else if (tag.kind === 'tag' && (tag.name === 'raw' || tag.name === 'comment'))
        rawUntil = `end${tag.name}`;
      index = text.indexOf('{', tag.to);
    } else {
      // A tag that failed to close after scanning to `failedAt` leaves all of that as text: no
      // character is scanned twice, so the whole pass stays linear.
      index = text.indexOf('{', Math.max(index + 1, failedAt));
    }
  }
  return tags;
}

/** Where the last failed tag scan stopped (the scanner resumes after it). */
let failedAt = -1;

function readTag(
  text: string,
  at: number,
  dialects: TagDialects,
  closeAfter: (sequence: string, from: number) => number,
): TemplateTag | null {
  const second = text[at + 1];
  if (second === '{') {
    const third = text[at + 2];
    if (dialects.hugo && (third === '<' || third === '%')) return readShortcode(text, at, third, closeAfter);
    if (dialects.liquid) return readDelimited(text, at, 2, '}}', 'output', closeAfter);
    return null;
  }
  if (!dialects.liquid) return null;
  if (second === '%') return readDelimited(text, at, 2, '%}', 'tag', closeAfter);
  if (second === '#') return readDelimited(text, at, 2, '#}', 'note', closeAfter);
  return null;
}

/** Scans from `from` to `close` outside double quotes and backticks (and single quotes when asked). */
function findClose(
  text: string,
  from: number,
  close: string,
  singleQuotes: boolean,
  closeAfter: (sequence: string, from: number) => number,
): number {
  if (closeAfter(close, from) === -1) return -1;
  const limit = Math.min(text.length, from + maxTagLength);
  let quote: string | null = null;
  for (let index = from; index < limit; index++) {
    const char = text[index]!;
    if (quote !== null) {
      if (char === '\\' && quote === '"') index++;
      else if (char === quote) quote = null;
      else if (char === '\n' && quote !== '`') {
        failedAt = index;
        return -1;
      }
      continue;
    }
    if (char === '"' || char === '`' || (singleQuotes && char === "'")) quote = char;
    else if (char === close[0] && text.startsWith(close, index)) return index;
  }
  failedAt = limit;
  return -1;
}

function readShortcode(
  text: string,
  at: number,
  delimiter: string,
  closeAfter: (sequence: string, from: number) => number,
): TemplateTag | null {
  const close = delimiter === '<' ? '>}}' : '%}}';
  let start = at + 3;
  while (text[start] === ' ' || text[start] === '\t') start++;
  if (text.startsWith('/*', start)) {
    const end = closeAfter('*/', start + 2);
    if (end === -1 || end - at > maxTagLength) return null;
    let after = end + 2;
    while (text[after] === ' ' || text[after] === '\t') after++;
    if (!text.startsWith(close, after)) return null;
    return {
      kind: 'comment',
      from: at,
      to: after + 3,
      name: '',
      markdown: delimiter === '%',
      closing: false,
      selfClosing: false,
      args: { positional: [], named: {} },
      markup: `{{${delimiter}${text.slice(start + 2, end)}${close}`,
    };
  }
  const end = findClose(text, at + 3, close, false, closeAfter);
  if (end === -1) return null;
  let inner = text.slice(at + 3, end).trim();
  let closing = false;
  let selfClosing = false;
  if (inner.startsWith('/')) {
    closing = true;
    inner = inner.slice(1).trim();
  }
  if (inner.endsWith('/')) {
    selfClosing = true;
    inner = inner.slice(0, -1).trim();
  }
  const words = splitArgs(inner, false);
  const name = words.shift()?.value ?? '';
  if (!/^[A-Za-z0-9_][A-Za-z0-9_./-]*$/.test(name)) return null;
  return {
    kind: 'shortcode',
    from: at,
    to: end + 3,
    name,
    markdown: delimiter === '%',
    closing,
    selfClosing,
    args: toArgs(words),
    markup: inner,
  };
}

function readDelimited(
  text: string,
  at: number,
  openLength: number,
  close: string,
  kind: 'tag' | 'output' | 'note',
  closeAfter: (sequence: string, from: number) => number,
): TemplateTag | null {
  const end =
    kind === 'note'
      ? closeAfter(close, at + openLength)
      : findClose(text, at + openLength, close, true, closeAfter);
  if (end === -1 || end - at > maxTagLength) return null;
  let inner = text.slice(at + openLength, end);
  if (inner.startsWith('-')) inner = inner.slice(1);
  if (inner.endsWith('-')) inner = inner.slice(0, -1);
  inner = inner.trim();
  const base = {
    kind,
    from: at,
    to: end + close.length,
    markdown: false,
    closing: false,
    selfClosing: false,
    markup: inner,
  };
  if (kind !== 'tag') return { ...base, name: '', args: { positional: [], named: {} } };
  const space = inner.search(/\s/);
  const name = space === -1 ? inner : inner.slice(0, space);
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) return null;
  const rest = space === -1 ? '' : inner.slice(space + 1);
  return { ...base, name, closing: name.startsWith('end'), args: toArgs(splitArgs(rest, true)) };
}

interface Word {
  value: string;
  key: string | null;
}

/** Splits tag arguments at spaces (and commas, for Liquid) outside quotes; `key=value` keeps its key. */
export function splitArgs(markup: string, liquid: boolean): Word[] {
  const words: Word[] = [];
  let index = 0;
  const length = markup.length;
  const isSeparator = (char: string): boolean =>
    char === ' ' || char === '\t' || char === '\n' || char === '\r' || (liquid && char === ',');
  while (index < length && words.length < 64) {
    while (index < length && isSeparator(markup[index]!)) index++;
    if (index >= length) break;
    let key: string | null = null;
    let value = '';
    let quoted = false;
    let token = '';
    while (index < length && !isSeparator(markup[index]!)) {
      const char = markup[index]!;
      if (char === '"' || char === '`' || (liquid && char === "'")) {
        quoted = true;
        index++;
        while (index < length && markup[index] !== char) {
          if (char === '"' && markup[index] === '\\' && index + 1 < length) index++;
          token += markup[index];
          index++;
        }
        index++;
        continue;
      }
      if (char === '=' && key === null && !quoted && token !== '') {
        key = token;
        token = '';
        index++;
        continue;
      }
      token += char;
      index++;
    }
    value = token;
    words.push({ value, key });
  }
  return words;
}

function toArgs(words: Word[]): TagArgs {
  const args: TagArgs = { positional: [], named: Object.create(null) as Record<string, string> };
  for (const word of words) {
    if (word.key === null) args.positional.push(word.value);
    else args.named[word.key] = word.value;
  }
  return args;
}
