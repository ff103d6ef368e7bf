import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parse,
  parseDocument,
  visit,
  Document,
  Lexer,
  type Node as YamlNode,
} from 'yaml';
import {
  CannotEditInPlace,
  EditRefused,
  getIn,
  isFmMap,
  sameValue,
  setIn,
  lineEndAfter,
  lineStart,
  type FmMap,
  type FmValue,
  type FormatWriter,
  type LocCollection,
  type LocNode,
  type LocScalar,
  removeEntryLines,
  type Splice,
} from './located-tree';

/** Options under which Postdesk reads YAML front matter: YAML 1.2 core schema, so dates stay strings. */
export const yamlReadOptions = {
  schema: 'core',
  uniqueKeys: true,
  prettyErrors: false,
  logLevel: 'error',
} as const;

const yaml11Words =
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE|null|Null|NULL|~)$/;
const stringifyOptions = { lineWidth: 0, minContentWidth: 0, indent: 2 } as const;

/** A key or value that shares its data with others through a YAML anchor (`&name`) and aliases (`*name`). */
export interface YamlAnchorGroup {
  anchor: string;
  /** Where the anchored value is (the one that is edited in place). */
  path: string[];
  /** Where its aliases are: they follow every edit of the anchored value. */
  aliases: string[][];
  node: LocNode;
  aliasNodes: LocScalar[];
}

/** A value written with an explicit tag (`!!binary`, `!!set`, `!foo`...): shown read-only, kept byte for byte. */
export interface YamlTagged {
  path: string[];
  tag: string;
  /** The value's source text (after its tag). */
  text: string;
}

/** A parsed YAML block: the document, its located tree, its anchors and tagged values. */
export interface YamlParsed {
  doc: Document;
  root: LocCollection;
  anchors: YamlAnchorGroup[];
  tagged: YamlTagged[];
  /** The first construct the writer cannot edit around (a key that is a list or map...), if any. */
  complexKey: string | null;
}

const maxAliasExpansions = 10_000;
const maxValueNodes = 1_000_000;
const maxDepth = 200;

/** Parses YAML front matter into a located tree; throws with a line-numbered message when invalid. */
export function parseYamlBlock(source: string): YamlParsed {
  const doc = parseDocument(source, { ...yamlReadOptions, keepSourceTokens: false });
  if (doc.errors.length > 0) throw yamlError(source, doc.errors[0]!);
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (isScalar(contents) && contents.value === null && !contents.tag)) {
    return { doc, root: emptyRoot(source), anchors: [], tagged: [], complexKey: null };
  }
  if (!isMap(contents)) throw new Error('The front matter is not a map of keys and values.');
  const locator = new Locator(source, doc);
  const root = locator.locate(contents, []) as LocCollection;
  return {
    doc,
    root,
    anchors: [...locator.groups.values()],
    tagged: locator.tagged,
    complexKey: locator.complexKey,
  };
}

function emptyRoot(source: string): LocCollection {
  return {
    kind: 'map',
    layout: 'block',
    start: 0,
    end: source.length,
    open: -1,
    close: -1,
    entries: [],
    indent: '',
    appendAt: source.length,
    value: {},
    path: [],
  };
}

function yamlError(source: string, error: { message: string; pos: [number, number] }): Error {
  const line = source.slice(0, error.pos[0]).split('\n').length;
  const first = error.message.split('\n')[0] ?? error.message;
  const message = first.startsWith('Source contains multiple documents')
    ? 'The front matter holds more than one YAML document (a --- or ... line inside the block).'
    : first.startsWith('Missing directives-end indicator')
      ? 'A YAML directive (%YAML or %TAG) needs a --- line after it, and that line closes the front matter.'
      : first.startsWith('Map keys must be unique')
        ? 'A key appears twice in one map.'
        : first;
  const wrapped = new Error(message.replace(/ at line \d+, column \d+:?$/, ''));
  (wrapped as Error & { line?: number }).line = line;
  return wrapped;
}

function lineError(source: string, offset: number, message: string): Error {
  const wrapped = new Error(message);
  (wrapped as Error & { line?: number }).line = source.slice(0, offset).split('\n').length;
  return wrapped;
}

function trimEnd(source: string, end: number): number {
  let cursor = end;
  while (cursor > 0 && (source[cursor - 1] === '\n' || source[cursor - 1] === '\r')) cursor--;
  return cursor;
}

function column(source: string, offset: number): number {
  return offset - lineStart(source, offset);
}

/** The text a key that is a list or map (or an alias) stands for in the form: its data as JSON. */
function complexKeyText(value: FmValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Walks a YAML document into a located tree, resolving aliases (bounded) and noting anchors and tags. */
class Locator {
  readonly groups = new Map<YamlNode, YamlAnchorGroup>();
  readonly tagged: YamlTagged[] = [];
  complexKey: string | null = null;
  private expansions = 0;
  private nodes = 0;

  constructor(
    private readonly source: string,
    private readonly doc: Document,
  ) {}

  /** The plain data of a node (aliases resolved, tagged values as their text, sets as maps of nulls). */
  plain(node: YamlNode | null, depth = 0): FmValue {
    if (depth > maxDepth) throw new Error('The front matter nests deeper than 200 levels.');
    if (++this.nodes > maxValueNodes) {
      throw new Error('The front matter expands to more than 1,000,000 values (through its aliases).');
    }
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++this.expansions > maxAliasExpansions)
        throw new Error('The front matter expands its aliases more than 10,000 times.');
      const target = node.resolve(this.doc) as YamlNode | undefined;
      if (!target) {
        const at = node.range?.[0] ?? 0;
        throw lineError(this.source, at, `The alias *${node.source} names no anchor defined before it.`);
      }
      return this.plain(target, depth + 1);
    }
    if (isScalar(node)) return this.scalarValue(node);
    if (isMap(node)) {
      const result: FmMap = {};
      for (const pair of node.items) {
        const key = this.keyOf(pair.key as YamlNode | null, depth);
        result[key] = this.plain(pair.value as YamlNode | null, depth + 1);
      }
      return result;
    }
    if (isSeq(node)) return node.items.map((item) => this.plain(item as YamlNode, depth + 1));
    return null;
  }

  private scalarValue(node: YamlNode): FmValue {
    const scalar = node as YamlNode & { value: unknown; source?: string; tag?: string };
    const value = scalar.value;
    if (scalar.tag && (value === null || typeof value === 'object' || typeof value === 'bigint')) {
      return this.source.slice(node.range?.[0] ?? 0, trimEnd(this.source, node.range?.[1] ?? 0));
    }
    if (typeof value === 'bigint') return Number(value);
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as FmValue;
    return this.source.slice(node.range?.[0] ?? 0, trimEnd(this.source, node.range?.[1] ?? 0));
  }

  private keyOf(key: YamlNode | null, depth: number): string {
    if (key === null || key === undefined) return '';
    if (isScalar(key)) return String(this.scalarValue(key));
    return complexKeyText(this.plain(key, depth + 1));
  }

  private noteTag(node: YamlNode, path: string[]): void {
    const tag = (node as { tag?: string }).tag;
    if (!tag) return;
    const range = node.range ?? [0, 0, 0];
    const short = tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice(18)}` : tag;
    this.tagged.push({ path, tag: short, text: this.source.slice(range[0], trimEnd(this.source, range[1])) });
  }

  locate(node: YamlNode, path: string[]): LocNode {
    const source = this.source;
    const range = node.range ?? [0, 0, 0];
    this.noteTag(node, path);
    if (isAlias(node)) {
      const target = node.resolve(this.doc) as YamlNode | undefined;
      const located: LocScalar = {
        kind: 'scalar',
        start: range[0],
        end: trimEnd(source, range[1]),
        value: this.plain(node),
        style: 'ALIAS',
      };
      const group = target ? this.groups.get(target) : undefined;
      if (group) {
        group.aliases.push(path);
        group.aliasNodes.push(located);
      }
      return located;
    }
    let located: LocNode;
    if (isMap(node) || isSeq(node)) located = this.collection(node, path, range);
    else {
      const style = isScalar(node) ? String(node.type ?? 'PLAIN') : 'OTHER';
      located = {
        kind: 'scalar',
        start: range[0],
        end: trimEnd(source, range[1]),
        value: this.plain(node),
        style,
      };
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) this.groups.set(node, { anchor, path, aliases: [], node: located, aliasNodes: [] });
    return located;
  }

  /** Where a key's line content starts: before a `? ` indicator and its anchor or tag, when the line holds only those. */
  private entryStart(at: number): number {
    const from = lineStart(this.source, at);
    const match = /^([ \t]*)(\?[ \t]+)?(?:[&!]\S*[ \t]+)*$/.exec(this.source.slice(from, at));
    return match ? from + match[1]!.length : at;
  }

  private collection(node: YamlNode, path: string[], range: [number, number, number]): LocCollection {
    const source = this.source;
    const flow = Boolean((node as { flow?: boolean }).flow);
    const entries = [] as LocCollection['entries'];
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = (isPair(pair) ? pair.key : null) as YamlNode | null;
        const keyRange = keyNode?.range ?? null;
        if (!keyNode || !keyRange || !isScalar(keyNode) || keyNode.anchor || keyNode.tag) {
          this.complexKey ??=
            keyNode && isAlias(keyNode)
              ? 'a key that is an alias'
              : 'a key that is a list or map (`? [a, b]: x`)';
        }
        const key = this.keyOf(keyNode, path.length);
        if (seen.has(key)) {
          throw lineError(source, keyRange?.[0] ?? range[0], `The key ${JSON.stringify(key)} appears twice.`);
        }
        seen.add(key);
        const at = keyRange ? this.entryStart(keyRange[0]) : range[0];
        const keyEnd = keyRange ? keyRange[1] : range[0];
        const child = pair.value as YamlNode | null;
        const childNode: LocNode = child ? this.locate(child, [...path, key]) : nullAfter(keyEnd);
        entries.push({ key, start: at, end: Math.max(childNode.end, keyEnd), node: childNode });
      }
    } else {
      (node as { items: unknown[] }).items.forEach((item, index) => {
        const located = this.locate(item as YamlNode, [...path, String(index)]);
        entries.push({ key: String(index), start: located.start, end: located.end, node: located });
      });
    }
    const first = entries[0];
    let indent = '';
    if (first && !flow) {
      indent = isSeq(node)
        ? ' '.repeat(Math.max(0, source.lastIndexOf('-', first.start - 1) - lineStart(source, first.start)))
        : ' '.repeat(column(source, first.start));
    }
    const last = entries[entries.length - 1];
    const end = flow ? range[1] : trimEnd(source, range[1]);
    const value: FmValue = isMap(node)
      ? Object.fromEntries(entries.map((entry) => [entry.key, entry.node.value]))
      : entries.map((entry) => entry.node.value);
    return {
      kind: isMap(node) ? 'map' : 'seq',
      layout: flow ? 'bracket' : 'block',
      start: range[0],
      end,
      open: flow ? range[0] : -1,
      close: flow ? range[1] - 1 : -1,
      entries,
      indent,
      appendAt: last ? lineEndAfter(source, last.end) : range[1],
      value,
      path: [],
    };
  }
}

/** The missing value of an explicit key written without `:` (`? a`). */
function nullAfter(at: number): LocScalar {
  return { kind: 'scalar', start: at, end: at, value: null, style: 'NO_VALUE' };
}

function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value !== value.trim() || /[\n\r\t]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value) || value.includes(': ') || value.includes(' #')) return false;
  if (value.endsWith(':') || yaml11Words.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is tested for
  if (/[\u0000-\u001f\u007f-\u009f\ufeff\ufffe\uffff]/.test(value)) return false;
  try {
    return parse(`k: ${value}`, yamlReadOptions)?.k === value;
  } catch {
    return false;
  }
}

/** A YAML double-quoted scalar for any string. */
export function yamlDoubleQuoted(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function blockLiteral(value: string, indent: string, eol: string): string | null {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is tested for
  if (/[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufeff]/.test(value)) return null;
  if (/^[ \t\n]/.test(value) || /\t/.test(value)) return null;
  const body = value.replace(/\n+$/, '');
  const trailing = value.length - body.length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  if (chomp === '+') return null;
  const lines = body.split('\n').map((line) => (line === '' ? '' : indent + line));
  if (lines.some((line) => /[ ]$/.test(line))) return null;
  return `|${chomp}${eol}${lines.join(eol)}`;
}

function scalarText(
  value: FmValue,
  old: LocScalar | null,
  source: string,
  inFlow: boolean,
  eol: string,
): string {
  if (value === null) return old && source.slice(old.start, old.end) === '~' ? '~' : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value !== 'string') throw new CannotEditInPlace('Not a scalar.');
  const style = old?.style ?? 'PLAIN';
  if ((style === 'BLOCK_LITERAL' || style === 'BLOCK_FOLDED') && value.includes('\n') && old) {
    const contentIndent = blockIndent(source, old);
    const literal = blockLiteral(value, contentIndent, eol);
    if (literal !== null) return literal;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is tested for
  if (style === 'QUOTE_SINGLE' && !/[\n\r\u0000-\u001f\u007f-\u009f\ufeff]/.test(value)) {
    return `'${value.replace(/'/g, "''")}'`;
  }
  if (style === 'QUOTE_DOUBLE') return yamlDoubleQuoted(value);
  if (isPlainSafe(value, inFlow)) return value;
  return yamlDoubleQuoted(value);
}

function blockIndent(source: string, old: LocScalar): string {
  const firstBreak = source.indexOf('\n', old.start);
  if (firstBreak !== -1 && firstBreak < old.end) {
    const rest = source.slice(firstBreak + 1, old.end);
    const match = /^( +)\S/m.exec(rest);
    if (match) return match[1]!;
  }
  return ' '.repeat(column(source, lineStart(source, old.start)) + 2);
}

function toLines(text: string): string[] {
  return text.replace(/\n$/, '').split('\n');
}

function indentLines(text: string, indent: string, eol: string): string {
  return toLines(text)
    .map((line) => (line === '' ? line : indent + line))
    .join(eol);
}

/**
 * New YAML text for a value, with every string that another YAML reader could take for something
 * else (yes/no/on/off, numbers, dates kept as strings...) double-quoted.
 */
function safeStringify(value: FmValue): string {
  const doc = new Document(value);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && !isPlainSafe(node.value, false)) {
        const literal = node.value.includes('\n') && blockLiteral(node.value, '', '\n') !== null;
        node.type = literal ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
      }
    },
  });
  return doc.toString({ ...stringifyOptions, doubleQuotedAsJSON: true });
}

function flowKey(key: string): string {
  return isPlainSafe(key, true) ? key : yamlDoubleQuoted(key);
}

/** The writer of YAML text for the generic patcher, keeping quoting and layout styles. */
export function yamlWriter(source: string, root?: LocCollection): FormatWriter {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const block = (value: FmValue): string => safeStringify(value);
  const flow = (value: FmValue): string => {
    if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
    if (isFmMap(value)) {
      const pairs = Object.entries(value).map(([key, item]) => `${flowKey(key)}: ${flow(item)}`);
      return pairs.length === 0 ? '{}' : `{ ${pairs.join(', ')} }`;
    }
    return scalarText(value, null, source, true, eol);
  };
  // What goes before a value's new text: a space after `:`, or the `:` an explicit key (`? a`) lacked.
  const lead = (node: LocNode, inFlow: boolean): string => {
    if (node.kind === 'scalar' && node.style === 'NO_VALUE') {
      if (inFlow) return ' : ';
      const mark = source.lastIndexOf('?', node.start);
      return `${eol}${' '.repeat(mark === -1 ? 0 : column(source, mark))}: `;
    }
    return source[node.start - 1] === ':' ? ' ' : '';
  };
  return {
    eol,
    root,
    scalar: (value, old, inFlow) => lead(old, inFlow) + scalarText(value, old, source, inFlow, eol),
    replace(node: LocNode, value: FmValue, inFlow: boolean): Splice | Splice[] {
      if (node === root && node.layout === 'block' && isFmMap(value) && Object.keys(value).length === 0) {
        // Emptying the whole block leaves an empty block (its comments stay), not `{}`.
        return removeEntryLines(source, node);
      }
      const isCollection = isFmMap(value) || Array.isArray(value);
      const space = lead(node, inFlow);
      if (!isCollection) {
        const old = node.kind === 'scalar' ? node : null;
        return {
          start: node.start,
          end: node.end,
          text: space + scalarText(value, old, source, inFlow, eol),
        };
      }
      const empty = isFmMap(value) ? Object.keys(value).length === 0 : (value as FmValue[]).length === 0;
      if (node.kind !== 'scalar' && node.layout === 'block' && !inFlow && !empty) {
        const text = block(value);
        const lines = toLines(text);
        const pad = ' '.repeat(column(source, node.start));
        const joined = lines.map((line, index) => (index === 0 || line === '' ? line : pad + line)).join(eol);
        return { start: node.start, end: node.end, text: joined };
      }
      return { start: node.start, end: node.end, text: space + flow(value) };
    },
    blockEntry(collection, key, value) {
      const text = collection.kind === 'map' ? block({ [key]: value } as FmMap) : block([value]);
      return indentLines(text, collection.indent, eol) + eol;
    },
    bracketEntry(collection, key, value) {
      if (collection.kind === 'seq') {
        // A new string item is quoted the way its sibling strings are, when they all agree
        // (`["a", "b"]` gains `"c"`; a mixed `[a, 'B', c]` gains a plain one).
        const strings = collection.entries
          .map((entry) => entry.node)
          .filter((node): node is LocScalar => node.kind === 'scalar' && typeof node.value === 'string');
        const style = strings[0]?.style;
        const sibling =
          (style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE') &&
          strings.every((node) => node.style === style)
            ? strings[strings.length - 1]
            : undefined;
        return typeof value === 'string' && sibling
          ? scalarText(value, sibling, source, true, eol)
          : flow(value);
      }
      const keyText = isPlainSafe(key, true) ? key : yamlDoubleQuoted(key);
      return `${keyText}: ${flow(value)}`;
    },
  };
}

/**
 * Rewrites YAML with the Document API when an in-place edit was not possible: every key keeps its
 * comments where the library can attach them, but the layout of untouched keys may change.
 */
export function yamlDocumentFallback(source: string, next: FmMap): string {
  const doc = parseDocument(source, yamlReadOptions);
  const current = (doc.toJS() ?? {}) as FmMap;
  for (const key of Object.keys(current)) if (!(key in next)) doc.delete(key);
  for (const [key, value] of Object.entries(next)) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) doc.set(key, doc.createNode(value));
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const text = doc.toString(stringifyOptions);
  return eol === '\n' ? text : text.replace(/\r?\n/g, eol);
}

function pathText(path: readonly string[]): string {
  return path.length === 0 ? 'the front matter' : `"${path.join('.')}"`;
}

function under(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((part, index) => path[index] === part);
}

/**
 * Readies an edit of a parsed YAML block: refuses (EditRefused) a change to a tagged value or the
 * removal of an anchored value that aliases still use; makes every alias of a changed anchored value
 * follow it (the anchor is edited in place, the aliases stay). Answers the data the edit will read as.
 */
export function prepareYamlEdit(parsed: YamlParsed, next: FmMap): FmMap {
  const data = parsed.root.value;
  for (const tagged of parsed.tagged) {
    const after = getIn(next, tagged.path);
    if (after !== undefined && !sameValue(getIn(data, tagged.path), after)) {
      throw new EditRefused(
        `${pathText(tagged.path)} is written with the tag ${tagged.tag}: Postdesk shows it read-only and keeps it as written (edit it as text).`,
      );
    }
  }
  let result = next;
  for (const group of parsed.anchors) {
    const old = group.node.value;
    const now = getIn(result, group.path);
    if (sameValue(old, now)) continue;
    if (now === undefined) {
      const used = group.aliases.filter((alias) => getIn(result, alias) !== undefined);
      if (used.length > 0) {
        throw new EditRefused(
          `${pathText(group.path)} holds the anchor &${group.anchor}, which ${used.map(pathText).join(', ')} still use${used.length === 1 ? 's' : ''} (*${group.anchor}): remove or change those first.`,
        );
      }
      continue;
    }
    group.aliases.forEach((alias, index) => {
      if (group.path.length > 0 && under(alias, group.path)) return;
      if (sameValue(getIn(result, alias), old)) {
        result = setIn(result, alias, now);
        group.aliasNodes[index]!.value = now;
      }
    });
  }
  return result;
}

/** Why the Document API fallback must not be used for this block, or null when it may. */
export function yamlFallbackRefusal(parsed: YamlParsed): string | null {
  if (parsed.complexKey) return `the block has ${parsed.complexKey}, which Postdesk only edits around`;
  if (parsed.anchors.length > 0) return `the block uses the anchor &${parsed.anchors[0]!.anchor}`;
  if (parsed.tagged.length > 0) return `the block has a value tagged ${parsed.tagged[0]!.tag}`;
  return null;
}

/** The comments of a YAML text, in order (each `#` comment's text). */
export function yamlComments(source: string): string[] {
  const comments: string[] = [];
  for (const token of new Lexer().lex(source)) {
    if (token.startsWith('#')) comments.push(token.trimEnd());
  }
  return comments;
}
