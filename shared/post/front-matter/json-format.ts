import {
  lineStart,
  type FmMap,
  type FmValue,
  type FormatWriter,
  type LocCollection,
  type LocEntry,
  type LocNode,
  type Splice,
} from './located-tree';

/** A parsed JSON block: its data and its located tree. */
export interface JsonParsed {
  data: FmMap;
  root: LocCollection;
}

/** Parses JSON front matter; throws with a line-numbered message when invalid. */
export function parseJsonBlock(source: string): JsonParsed {
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const wrapped = new Error(
      message
        .replace(/ in JSON at position \d+.*$/, '')
        .replace(/, ".*" is not valid JSON$/s, '')
        .replace(/^JSON\.parse: /, ''),
    );
    const position = /position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : jsonErrorOffset(source);
    const line = source.slice(0, offset).split('\n').length;
    (wrapped as Error & { line?: number | null }).line = line;
    throw wrapped;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('The front matter is not a map of keys and values.');
  }
  const scanner = new JsonScanner(source);
  scanner.skip();
  const root = scanner.value() as LocCollection;
  attach(root, data as FmValue);
  return { data: data as FmMap, root };
}

/** The offset of the first character a strict JSON reader would refuse (for error lines). */
export function jsonErrorOffset(source: string): number {
  let i = 0;
  const fail = (): never => {
    throw i;
  };
  const ws = (): void => {
    while (/[ \t\r\n]/.test(source[i] ?? '')) i++;
  };
  const literal = (): void => {
    const match = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)?)/.exec(source.slice(i, i + 400));
    if (!match) fail();
    i += match![0].length;
  };
  const string = (): void => {
    if (source[i] !== '"') fail();
    i++;
    while (i < source.length && source[i] !== '"') {
      if (source.charCodeAt(i) < 0x20) fail();
      if (source[i] === '\\') i++;
      i++;
    }
    if (i >= source.length) fail();
    i++;
  };
  const value = (): void => {
    ws();
    const c = source[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      ws();
      if (source[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          ws();
          string();
          ws();
          if (source[i] !== ':') fail();
          i++;
        }
        value();
        ws();
        if (source[i] === ',') {
          i++;
          continue;
        }
        if (source[i] === close) {
          i++;
          return;
        }
        fail();
      }
    }
    if (c === '"') string();
    else literal();
  };
  try {
    value();
    ws();
    return i;
  } catch (offset) {
    return typeof offset === 'number' ? offset : 0;
  }
}

function attach(node: LocNode, value: FmValue): void {
  node.value = value;
  if (node.kind === 'scalar') return;
  for (const entry of node.entries) {
    const child = node.kind === 'map' ? (value as FmMap)[entry.key] : (value as FmValue[])[Number(entry.key)];
    attach(entry.node, child as FmValue);
  }
}

class JsonScanner {
  i = 0;
  constructor(private readonly s: string) {}

  skip(): void {
    while (/[ \t\r\n]/.test(this.s[this.i] ?? '')) this.i++;
  }

  string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length && this.s[this.i] !== '"') {
      if (this.s[this.i] === '\\') this.i++;
      this.i++;
    }
    this.i++;
    return JSON.parse(this.s.slice(start, this.i)) as string;
  }

  value(): LocNode {
    const c = this.s[this.i];
    const start = this.i;
    if (c === '{' || c === '[') {
      const isMap = c === '{';
      this.i++;
      const entries: LocEntry[] = [];
      for (;;) {
        this.skip();
        if (this.s[this.i] === (isMap ? '}' : ']')) break;
        const entryStart = this.i;
        let key = String(entries.length);
        if (isMap) {
          key = this.string();
          this.skip();
          this.i++;
          this.skip();
        }
        const node = this.value();
        entries.push({ key, start: entryStart, end: node.end, node });
        this.skip();
        if (this.s[this.i] === ',') this.i++;
      }
      const close = this.i;
      this.i++;
      return {
        kind: isMap ? 'map' : 'seq',
        layout: 'bracket',
        start,
        end: this.i,
        open: start,
        close,
        entries,
        indent: '',
        appendAt: close,
        value: null,
        path: [],
      };
    }
    if (c === '"') this.string();
    else while (this.i < this.s.length && /[-+0-9a-zA-Z.]/.test(this.s[this.i]!)) this.i++;
    return { kind: 'scalar', start, end: this.i, value: null, style: 'json' };
  }
}

/** The indentation unit a JSON text uses (two spaces when it cannot tell). */
export function jsonIndentUnit(source: string): string {
  const match = /\n([ \t]+)\S/.exec(source);
  return match ? match[1]! : '  ';
}

/** The writer of JSON text for the generic patcher: values spliced in place, indentation kept. */
export function jsonWriter(source: string): FormatWriter {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const unit = jsonIndentUnit(source);
  const multiline = source.includes('\n');
  const text = (value: FmValue, indent: string): string => {
    if (!multiline) return JSON.stringify(value);
    const lines = JSON.stringify(value, null, unit).split('\n');
    return lines.map((line, index) => (index === 0 ? line : indent + line)).join(eol);
  };
  const lineIndent = (offset: number): string =>
    /^[ \t]*/.exec(source.slice(lineStart(source, offset), offset))?.[0] ?? '';
  return {
    eol,
    scalar: (value) => JSON.stringify(value),
    replace(node: LocNode, value: FmValue): Splice {
      return { start: node.start, end: node.end, text: text(value, lineIndent(node.start)) };
    },
    blockEntry(_collection, key, value) {
      return `${JSON.stringify(key)}: ${JSON.stringify(value)}${eol}`;
    },
    bracketEntry(collection, key, value, indent) {
      const valueText = text(value, indent);
      return collection.kind === 'map' ? `${JSON.stringify(key)}: ${valueText}` : valueText;
    },
  };
}
