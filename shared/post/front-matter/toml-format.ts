import { parse as parseToml, TomlError } from 'smol-toml';
import {
  CannotEditInPlace,
  isFmMap,
  lineEndAfter,
  lineStart,
  type FmMap,
  type FmValue,
  type FormatWriter,
  type LocCollection,
  type LocEntry,
  type LocNode,
  type LocScalar,
  type Splice,
} from './located-tree';

const elementMark = '\u0000element';
const bareKey = /^[A-Za-z0-9_-]+$/;
const dateLiteral =
  /^(\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})?)?|\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/;

/** Where a table's key/value lines are written: the section (root, `[header]` table or `[[array]]` element) and the dotted path from it. */
export interface TomlHome {
  section: LocCollection;
  rel: string[];
}

/** A parsed TOML block: its data (dates as their source text), its located tree and each table's home. */
export interface TomlParsed {
  data: FmMap;
  root: LocCollection;
  homes: Map<LocCollection, TomlHome>;
}

/** Parses TOML front matter (smol-toml for values, a small scanner for where each one lies). */
export function parseTomlBlock(source: string): TomlParsed {
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(source) as Record<string, unknown>;
  } catch (error) {
    const first = ((error as Error).message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
    const wrapped = new Error(
      /cannot be represented losslessly/.test(first)
        ? 'An integer is too large to edit safely (beyond ±2^53): edit the front matter as text.'
        : first,
    );
    if (error instanceof TomlError) (wrapped as Error & { line?: number }).line = error.line;
    throw wrapped;
  }
  const scanner = new Scanner(source);
  const root = scanner.scan();
  const data = attachValues(root, parsed) as FmMap;
  return { data, root, homes: scanner.homes };
}

function attachValues(node: LocNode, value: unknown): FmValue {
  if (node.kind === 'scalar') {
    node.value = value instanceof Date ? node.value : (value as FmValue);
    return node.value;
  }
  if (node.kind === 'map') {
    const map = (value ?? {}) as Record<string, unknown>;
    const result: FmMap = {};
    const located = new Map(node.entries.map((entry) => [entry.key, entry]));
    for (const [key, item] of Object.entries(map)) {
      const entry = located.get(key);
      result[key] = entry ? attachValues(entry.node, item) : plain(item);
    }
    node.value = result;
    return result;
  }
  const list = (value ?? []) as unknown[];
  const result = list.map((item, index) => {
    const entry = node.entries[index];
    return entry ? attachValues(entry.node, item) : plain(item);
  });
  node.value = result;
  return result;
}

function plain(value: unknown): FmValue {
  if (value instanceof Date) return (value as Date & { toISOString(): string }).toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  }
  if (typeof value === 'bigint') return Number(value);
  return value as FmValue;
}

function newMap(start: number, layout: LocCollection['layout'], path: string[]): LocCollection {
  return {
    kind: 'map',
    layout,
    start,
    end: start,
    open: -1,
    close: -1,
    entries: [],
    indent: '',
    appendAt: start,
    value: {},
    path,
  };
}

class Scanner {
  private i = 0;
  private readonly root: LocCollection;
  /** Each table's section and dotted path from it (see TomlHome). */
  readonly homes = new Map<LocCollection, TomlHome>();
  private readonly sectionSet = new Set<LocCollection>();
  constructor(private readonly s: string) {
    this.root = newMap(0, 'block', []);
    this.root.appendAt = -1;
    this.sectionSet.add(this.root);
  }

  scan(): LocCollection {
    const s = this.s;
    let section = this.root;
    let firstHeader = -1;
    const sections: LocCollection[] = [this.root];
    while (this.i < s.length) {
      this.skipBlank();
      if (this.i >= s.length) break;
      const start = this.i;
      if (s[this.i] === '[') {
        if (firstHeader === -1) firstHeader = start;
        const isArray = s[this.i + 1] === '[';
        this.i += isArray ? 2 : 1;
        const path = this.key();
        this.ws();
        this.i += isArray ? 2 : 1;
        const headerEnd = this.i;
        this.restOfLine();
        section = isArray ? this.arrayTable(path, start) : this.table(path, start);
        this.sectionSet.add(section);
        section.end = headerEnd;
        section.appendAt = lineEndAfter(s, headerEnd);
        sections.push(section);
        continue;
      }
      const keyParts = this.key();
      this.ws();
      if (s[this.i] !== '=') throw new CannotEditInPlace('Unexpected TOML text.');
      this.i++;
      this.ws();
      const node = this.value();
      this.restOfLine();
      let target = section;
      keyParts.slice(0, -1).forEach((part, index) => {
        target = this.child(target, part, start, 'fixed');
        if (!this.homes.has(target)) this.homes.set(target, { section, rel: keyParts.slice(0, index + 1) });
      });
      const key = keyParts[keyParts.length - 1]!;
      target.entries.push({ key, start, end: node.end, node });
      if (target !== section) this.stretch(target, node.end);
      section.end = Math.max(section.end, node.end);
      section.appendAt = lineEndAfter(s, node.end);
    }
    if (this.root.appendAt === -1) this.root.appendAt = firstHeader === -1 ? s.length : firstHeader;
    for (const table of sections) this.stretchAncestors(table);
    this.root.end = s.length;
    return this.root;
  }

  private stretch(node: LocCollection, end: number): void {
    node.end = Math.max(node.end, end);
  }

  private stretchAncestors(table: LocCollection): void {
    const visit = (node: LocCollection): number => {
      for (const entry of node.entries) {
        if (entry.node.kind !== 'scalar' && entry.node.layout !== 'bracket') {
          entry.end = Math.max(entry.end, visit(entry.node));
          node.end = Math.max(node.end, entry.end);
          if (entry.node.kind === 'seq') entry.node.appendAt = lineEndAfter(this.s, entry.node.end);
        }
      }
      return node.end;
    };
    if (table === this.root) visit(this.root);
  }

  private child(
    parent: LocCollection,
    key: string,
    start: number,
    layout: LocCollection['layout'],
  ): LocCollection {
    let target: LocNode | undefined = parent.entries.find((entry) => entry.key === key)?.node;
    if (target && target.kind === 'seq') target = target.entries[target.entries.length - 1]?.node;
    if (target && target.kind === 'map') return target;
    const map = newMap(start, layout, [...parent.path, key]);
    parent.entries.push({ key, start, end: start, node: map });
    return map;
  }

  /** Walks `parts` from the root as a header names them, giving new tables their home. */
  private walk(parts: string[], start: number, lastLayout: LocCollection['layout']): LocCollection {
    let target = this.root;
    let home: TomlHome = { section: this.root, rel: [] };
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      target = this.child(target, part, start, last ? lastLayout : 'fixed');
      const rel = [...home.rel, part];
      if (!this.homes.has(target)) this.homes.set(target, { section: home.section, rel });
      home = this.sectionSet.has(target) ? { section: target, rel: [] } : { section: home.section, rel };
    });
    return target;
  }

  private table(path: string[], start: number): LocCollection {
    const target = this.walk(path, start, 'block');
    target.layout = 'block';
    target.start = start;
    const entry = this.findEntry(path);
    if (entry) entry.start = Math.min(entry.start, start);
    return target;
  }

  private findEntry(path: string[]): LocEntry | undefined {
    let node: LocNode = this.root;
    let found: LocEntry | undefined;
    for (const part of path) {
      if (node.kind === 'seq') node = node.entries[node.entries.length - 1]!.node;
      if (node.kind !== 'map') return undefined;
      found = node.entries.find((entry) => entry.key === part);
      if (!found) return undefined;
      node = found.node;
    }
    return found;
  }

  private arrayTable(path: string[], start: number): LocCollection {
    const parent = this.walk(path.slice(0, -1), start, 'fixed');
    const key = path[path.length - 1]!;
    let entry = parent.entries.find((candidate) => candidate.key === key);
    if (!entry) {
      const seq: LocCollection = { ...newMap(start, 'block', path), kind: 'seq', value: [] };
      entry = { key, start, end: start, node: seq };
      parent.entries.push(entry);
      const home = this.homes.get(parent);
      this.homes.set(
        seq,
        this.sectionSet.has(parent) || !home
          ? { section: parent, rel: [key] }
          : { section: home.section, rel: [...home.rel, key] },
      );
    }
    const seq = entry.node as LocCollection;
    const element = newMap(start, 'block', [...path, elementMark]);
    seq.entries.push({ key: String(seq.entries.length), start, end: start, node: element });
    return element;
  }

  private ws(): void {
    while (this.s[this.i] === ' ' || this.s[this.i] === '\t') this.i++;
  }

  private skipBlank(): void {
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === '#') this.restOfLine();
      else if (c === '\n' || c === '\r') this.i++;
      else return;
    }
  }

  private restOfLine(): void {
    const index = this.s.indexOf('\n', this.i);
    this.i = index === -1 ? this.s.length : index + 1;
  }

  private key(): string[] {
    const parts: string[] = [];
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c === '"' || c === "'") {
        const start = this.i;
        this.skipString();
        const text = this.s.slice(start, this.i);
        parts.push(c === "'" ? text.slice(1, -1) : (parseToml(`k = ${text}`).k as string));
      } else {
        const start = this.i;
        while (this.i < this.s.length && /[A-Za-z0-9_-]/.test(this.s[this.i]!)) this.i++;
        parts.push(this.s.slice(start, this.i));
      }
      this.ws();
      if (this.s[this.i] !== '.') return parts;
      this.i++;
    }
  }

  private skipString(): void {
    const s = this.s;
    const quote = s[this.i]!;
    const triple = s.startsWith(quote.repeat(3), this.i);
    if (triple) {
      this.i += 3;
      for (;;) {
        if (this.i >= s.length) return;
        if (quote === '"' && s[this.i] === '\\') {
          this.i += 2;
          continue;
        }
        if (s.startsWith(quote.repeat(3), this.i)) {
          this.i += 3;
          while (s[this.i] === quote) this.i++;
          return;
        }
        this.i++;
      }
    }
    this.i++;
    while (this.i < s.length && s[this.i] !== quote) {
      if (quote === '"' && s[this.i] === '\\') this.i++;
      this.i++;
    }
    this.i++;
  }

  private value(): LocNode {
    const s = this.s;
    const start = this.i;
    const c = s[this.i];
    if (c === '"' || c === "'") {
      this.skipString();
      const triple = s.startsWith(c.repeat(3), start);
      const style = (c === '"' ? 'basic' : 'literal') + (triple ? '-multiline' : '');
      return { kind: 'scalar', start, end: this.i, value: null, style };
    }
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    while (this.i < s.length && !/[\s,\]}#]/.test(s[this.i]!)) this.i++;
    if (/^\d{4}-\d{2}-\d{2}$/.test(s.slice(start, this.i)) && / \d{2}:/.test(s.slice(this.i, this.i + 4))) {
      this.i++;
      while (this.i < s.length && !/[\s,\]}#]/.test(s[this.i]!)) this.i++;
    }
    const text = s.slice(start, this.i);
    const style = dateLiteral.test(text) ? 'date' : 'bare';
    return { kind: 'scalar', start, end: this.i, value: style === 'date' ? text : null, style };
  }

  private skipInside(): void {
    for (;;) {
      while (/[ \t\r\n]/.test(this.s[this.i] ?? '')) this.i++;
      if (this.s[this.i] === '#') this.restOfLineKeepingNewline();
      else return;
    }
  }

  private restOfLineKeepingNewline(): void {
    const index = this.s.indexOf('\n', this.i);
    this.i = index === -1 ? this.s.length : index;
  }

  private array(): LocCollection {
    const open = this.i;
    this.i++;
    const entries: LocEntry[] = [];
    for (;;) {
      this.skipInside();
      if (this.i >= this.s.length) break;
      if (this.s[this.i] === ']') break;
      const node = this.value();
      entries.push({ key: String(entries.length), start: node.start, end: node.end, node });
      this.skipInside();
      if (this.s[this.i] === ',') this.i++;
    }
    const close = this.i;
    this.i++;
    return {
      kind: 'seq',
      layout: 'bracket',
      start: open,
      end: this.i,
      open,
      close,
      entries,
      indent: '',
      appendAt: close,
      value: [],
      path: [],
    };
  }

  private inlineTable(): LocCollection {
    const open = this.i;
    this.i++;
    const entries: LocEntry[] = [];
    let layout: LocCollection['layout'] = 'bracket';
    for (;;) {
      this.skipInside();
      if (this.i >= this.s.length || this.s[this.i] === '}') break;
      const start = this.i;
      const parts = this.key();
      if (parts.length > 1) layout = 'fixed';
      this.ws();
      this.i++;
      this.ws();
      const node = this.value();
      entries.push({ key: parts.join('.'), start, end: node.end, node });
      this.skipInside();
      if (this.s[this.i] === ',') this.i++;
    }
    const close = this.i;
    this.i++;
    return {
      kind: 'map',
      layout,
      start: open,
      end: this.i,
      open,
      close,
      entries: layout === 'fixed' ? [] : entries,
      indent: '',
      appendAt: close,
      value: {},
      path: [],
    };
  }
}

function keyText(key: string): string {
  return bareKey.test(key) ? key : tomlBasic(key);
}

/** A TOML basic string for any text. */
export function tomlBasic(value: string): string {
  return JSON.stringify(value).replace(/[\u007f]/g, '\\u007f');
}

/** An inline TOML value (tables become inline tables); throws for null, which TOML cannot hold. */
export function tomlInline(value: FmValue): string {
  if (value === null) throw new CannotEditInPlace('TOML has no null value; remove the key instead.');
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    if (Number.isInteger(value) && !Number.isSafeInteger(value))
      return value.toExponential().replace('e+', 'e');
    return String(value);
  }
  if (typeof value === 'string') return tomlBasic(value);
  if (Array.isArray(value)) return `[${value.map(tomlInline).join(', ')}]`;
  const entries = Object.entries(value);
  return entries.length === 0
    ? '{}'
    : `{ ${entries.map(([k, v]) => `${keyText(k)} = ${tomlInline(v)}`).join(', ')} }`;
}

function tomlScalar(value: FmValue, old: LocScalar): string {
  if (typeof value === 'string') {
    if (old.style === 'date' && dateLiteral.test(value)) {
      try {
        if (parseToml(`d = ${value}`).d instanceof Date) return value;
      } catch {
        // not a TOML date: written as a string below
      }
    }
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is tested for
    if (old.style === 'literal' && !/['\n\r\u0000-\u001f\u007f]/.test(value)) return `'${value}'`;
  }
  return tomlInline(value);
}

function isLineTable(node: LocNode): node is LocCollection {
  return node.kind !== 'scalar' && node.open === -1 && node.layout !== 'bracket';
}

/** The writer of TOML text for the generic patcher: values are spliced in place, keys get their own lines. */
export function tomlWriter(
  source: string,
  root: LocCollection,
  homes: Map<LocCollection, TomlHome> = new Map(),
): FormatWriter {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const ownLines = (entry: LocEntry): Splice[] => {
    const node = entry.node;
    if (node.kind === 'map' && node.layout === 'fixed' && node.open === -1) {
      return node.entries.flatMap(ownLines);
    }
    return [{ start: lineStart(source, entry.start), end: lineEndAfter(source, entry.end), text: '' }];
  };
  const dotted = (home: TomlHome, key: string | null, value: FmValue): string =>
    `${[...home.rel, ...(key === null ? [] : [key])].map(keyText).join('.')} = ${tomlInline(value)}${eol}`;
  return {
    eol,
    root,
    scalar: (value, old) => tomlScalar(value, old),
    editsFixed: (collection) => collection.kind === 'map' && collection.open === -1,
    entryLines: (collection, entry) => (isLineTable(collection) ? ownLines(entry) : null),
    appendFixed(collection, entries) {
      const home = homes.get(collection);
      if (!home || collection.open !== -1) return null;
      const at = home.section.appendAt;
      let text = entries.map(([key, value]) => dotted(home, key, value)).join('');
      if (at > 0 && source[at - 1] !== '\n') text = eol + text.slice(0, text.length - eol.length);
      return { start: at, end: at, text };
    },
    replace(node: LocNode, value: FmValue): Splice | Splice[] {
      if (isLineTable(node)) {
        if (
          node.kind === 'map' &&
          node.layout === 'block' &&
          isFmMap(value) &&
          Object.keys(value).length === 0
        ) {
          // A table (or the whole block) emptied keeps its header and comments, loses its keys' lines.
          return node.entries.flatMap(ownLines);
        }
        if (node === root)
          throw new CannotEditInPlace('The whole TOML block can only be changed key by key.');
        if (node.path[node.path.length - 1] === elementMark)
          throw new CannotEditInPlace('An element of a TOML array of tables must stay a table.');
        const home = homes.get(node);
        if (!home) throw new CannotEditInPlace('This TOML table can only be changed key by key.');
        const removal =
          node.layout === 'fixed'
            ? node.entries.flatMap(ownLines)
            : [{ start: lineStart(source, node.start), end: lineEndAfter(source, node.end), text: '' }];
        const at = home.section.appendAt;
        const line = dotted(home, null, value);
        const text = at > 0 && source[at - 1] !== '\n' ? eol + line.slice(0, line.length - eol.length) : line;
        return [...removal, { start: at, end: at, text }];
      }
      return {
        start: node.start,
        end: node.end,
        text: node.kind === 'scalar' ? tomlScalar(value, node) : tomlInline(value),
      };
    },
    acceptsItem: (collection, value) =>
      collection.kind !== 'seq' || collection.layout !== 'block' || isFmMap(value),
    blockEntry(collection, key, value) {
      if (collection.kind === 'seq') {
        if (!isFmMap(value)) throw new CannotEditInPlace('A TOML array of tables only takes tables.');
        const header = `[[${collection.path.map(keyText).join('.')}]]`;
        const lines = Object.entries(value).map(([k, v]) => `${keyText(k)} = ${tomlInline(v)}`);
        return [header, ...lines].join(eol) + eol;
      }
      return `${keyText(key)} = ${tomlInline(value)}${eol}`;
    },
    bracketEntry(collection, key, value) {
      return collection.kind === 'seq' ? tomlInline(value) : `${keyText(key)} = ${tomlInline(value)}`;
    },
  };
}
