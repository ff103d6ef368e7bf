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
  type Node as YamlNode,
} from 'yaml';
import {
  CannotEditInPlace,
  isFmMap,
  lineEndAfter,
  lineStart,
  type FmMap,
  type FmValue,
  type FormatWriter,
  type LocCollection,
  type LocNode,
  type LocScalar,
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

/** A parsed YAML block: the document and its located tree. */
export interface YamlParsed {
  doc: Document;
  root: LocCollection;
}

/** Parses YAML front matter into a located tree; throws with a line-numbered message when invalid. */
export function parseYamlBlock(source: string): YamlParsed {
  const doc = parseDocument(source, { ...yamlReadOptions, keepSourceTokens: false });
  if (doc.errors.length > 0) throw yamlError(source, doc.errors[0]!);
  const contents = doc.contents as YamlNode | null;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { doc, root: emptyRoot(source) };
  }
  if (!isMap(contents)) throw new Error('The front matter is not a map of keys and values.');
  const root = locate(source, doc, contents) as LocCollection;
  return { doc, root };
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
  const message = error.message.split('\n')[0] ?? error.message;
  const wrapped = new Error(message.replace(/ at line \d+, column \d+:?$/, ''));
  (wrapped as Error & { line?: number }).line = line;
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

function locate(source: string, doc: Document, node: YamlNode): LocNode {
  const range = node.range ?? [0, 0, 0];
  if (isMap(node) || isSeq(node)) {
    const flow = Boolean(node.flow);
    const entries = [] as LocCollection['entries'];
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !pair.key || !isScalar(pair.key) || node.anchor) {
          return fixedNode(range, node.toJS(doc, { maxAliasCount: 1000 }) as FmValue, source);
        }
        const keyRange = (pair.key as YamlNode).range ?? [0, 0, 0];
        const child = pair.value as YamlNode | null;
        const childNode: LocNode = child ? locate(source, doc, child) : nullAfter(keyRange[1]);
        entries.push({
          key: String(pair.key.value),
          start: keyRange[0],
          end: Math.max(childNode.end, keyRange[1]),
          node: childNode,
        });
      }
    } else {
      node.items.forEach((item, index) => {
        const child = item as YamlNode;
        const located = locate(source, doc, child);
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
  const style = isAlias(node) ? 'ALIAS' : isScalar(node) ? String(node.type ?? 'PLAIN') : 'OTHER';
  const value = (isScalar(node) ? node.value : node.toJS(doc, { maxAliasCount: 1000 })) as FmValue;
  return { kind: 'scalar', start: range[0], end: trimEnd(source, range[1]), value, style };
}

function fixedNode(range: [number, number, number], value: FmValue, source: string): LocCollection {
  return {
    kind: 'map',
    layout: 'fixed',
    start: range[0],
    end: trimEnd(source, range[1]),
    open: -1,
    close: -1,
    entries: [],
    indent: '',
    appendAt: range[1],
    value,
    path: [],
  };
}

function nullAfter(at: number): LocScalar {
  return { kind: 'scalar', start: at, end: at, value: null, style: 'PLAIN' };
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
export function yamlWriter(source: string): FormatWriter {
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
  return {
    eol,
    scalar: (value, old, inFlow) =>
      (source[old.start - 1] === ':' ? ' ' : '') + scalarText(value, old, source, inFlow, eol),
    replace(node: LocNode, value: FmValue, inFlow: boolean): Splice {
      const isCollection = isFmMap(value) || Array.isArray(value);
      const space = source[node.start - 1] === ':' ? ' ' : '';
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
      if (collection.kind === 'seq') return flow(value);
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
