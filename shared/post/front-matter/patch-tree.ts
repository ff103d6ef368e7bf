import {
  CannotEditInPlace,
  isFmMap,
  isFmScalar,
  lineEndAfter,
  lineStart,
  sameValue,
  type FmValue,
  type FormatWriter,
  type LocCollection,
  type LocNode,
  type Splice,
} from './located-tree';

/**
 * Computes the splices that turn `node` (as found in `source`) into `next`, touching only what
 * changed: a changed scalar is rewritten in its own range, a removed key loses its lines, a new
 * key gets new lines after its siblings. Throws CannotEditInPlace when the layout forbids it.
 */
export function patchNode(
  source: string,
  node: LocNode,
  next: FmValue,
  writer: FormatWriter,
  inFlow = false,
): Splice[] {
  if (sameValue(node.value, next)) return [];
  if (node.kind === 'scalar') {
    if (isFmScalar(next))
      return [{ start: node.start, end: node.end, text: writer.scalar(next, node, inFlow) }];
    return list(writer.replace(node, next, inFlow));
  }
  const childFlow = inFlow || node.layout === 'bracket';
  const editable = node.layout !== 'fixed' || writer.editsFixed?.(node) === true;
  if (editable && node.kind === 'map' && isFmMap(next) && Object.keys(next).length > 0) {
    return patchMap(source, node, next, writer, childFlow);
  }
  if (editable && node.kind === 'seq' && Array.isArray(next) && next.length > 0) {
    if (writer.acceptsItem && !next.every((item) => writer.acceptsItem!(node, item))) {
      return list(writer.replace(node, next, inFlow));
    }
    return patchSeq(source, node, next, writer, childFlow);
  }
  return list(writer.replace(node, next, inFlow));
}

function list(splices: Splice | Splice[]): Splice[] {
  return Array.isArray(splices) ? splices : [splices];
}

function patchMap(
  source: string,
  node: LocCollection,
  next: { [key: string]: FmValue },
  writer: FormatWriter,
  childFlow: boolean,
): Splice[] {
  const splices: Splice[] = [];
  const removed = new Set<number>();
  node.entries.forEach((entry, index) => {
    if (!Object.prototype.hasOwnProperty.call(next, entry.key)) removed.add(index);
    else splices.push(...patchNode(source, entry.node, next[entry.key] as FmValue, writer, childFlow));
  });
  const known = new Set(node.entries.map((entry) => entry.key));
  const added = Object.keys(next).filter((key) => !known.has(key));
  if (
    added.length > 0 &&
    node.entries.length > 0 &&
    removed.size === node.entries.length &&
    !(node === writer.root && node.layout === 'block')
  ) {
    return list(writer.replace(node, next, childFlow));
  }
  splices.push(...removeEntries(source, node, removed, writer));
  if (added.length > 0) {
    splices.push(appendEntries(source, node, added, (key) => next[key] as FmValue, writer, removed));
  }
  return splices;
}

function patchSeq(
  source: string,
  node: LocCollection,
  next: FmValue[],
  writer: FormatWriter,
  childFlow: boolean,
): Splice[] {
  const old = node.entries;
  const kept = subsequence(
    old.map((entry) => entry.node.value),
    next,
  );
  if (kept) {
    const removed = new Set(old.map((_, index) => index).filter((index) => !kept.has(index)));
    return removeEntries(source, node, removed, writer);
  }
  const splices: Splice[] = [];
  const common = Math.min(old.length, next.length);
  for (let index = 0; index < common; index++) {
    splices.push(...patchNode(source, old[index]!.node, next[index] as FmValue, writer, childFlow));
  }
  if (next.length > old.length) {
    const extra = next.slice(old.length);
    splices.push(
      appendEntries(
        source,
        node,
        extra.map((_, index) => String(old.length + index)),
        (key) => next[Number(key)] as FmValue,
        writer,
        new Set(),
      ),
    );
  } else if (next.length < old.length) {
    const removed = new Set<number>();
    for (let index = next.length; index < old.length; index++) removed.add(index);
    splices.push(...removeEntries(source, node, removed, writer));
  }
  return splices;
}

/** When next is old with some items taken out (same order), the indexes of old that stay. */
function subsequence(old: FmValue[], next: FmValue[]): Set<number> | null {
  if (next.length >= old.length) return null;
  const kept = new Set<number>();
  let cursor = 0;
  for (let index = 0; index < old.length && cursor < next.length; index++) {
    if (sameValue(old[index], next[cursor])) {
      kept.add(index);
      cursor++;
    }
  }
  return cursor === next.length ? kept : null;
}

function removeEntries(
  source: string,
  node: LocCollection,
  removed: Set<number>,
  writer: FormatWriter,
): Splice[] {
  if (removed.size === 0) return [];
  const entries = node.entries;
  if (removed.size === entries.length) {
    return list(writer.replace(node, node.kind === 'map' ? {} : [], false));
  }
  const splices: Splice[] = [];
  for (let a = 0; a < entries.length; a++) {
    if (!removed.has(a)) continue;
    const own = writer.entryLines?.(node, entries[a]!);
    if (own) {
      splices.push(...own);
      continue;
    }
    let b = a;
    while (removed.has(b + 1)) b++;
    const first = entries[a]!;
    const last = entries[b]!;
    const after = entries[b + 1];
    const before = entries[a - 1];
    if (node.layout === 'block') {
      const prefix = source.slice(lineStart(source, first.start), first.start);
      // A block sequence item starts after its own "- ": its lines, dash included, are all its own.
      const ownLines = /^[ \t]*$/.test(prefix) || (node.kind === 'seq' && /^[ \t]*-[ \t]+$/.test(prefix));
      if (ownLines) {
        splices.push({
          start: lineStart(source, first.start),
          end: lineEndAfter(source, last.end),
          text: '',
        });
      } else if (after) {
        splices.push({ start: first.start, end: after.start, text: '' });
      } else {
        throw new CannotEditInPlace('The entry shares its line with its parent.');
      }
    } else if (after) {
      splices.push({ start: first.start, end: after.start, text: '' });
    } else if (before) {
      splices.push({ start: before.end, end: last.end, text: '' });
    }
    a = b;
  }
  return splices;
}

function appendEntries(
  source: string,
  node: LocCollection,
  keys: string[],
  valueOf: (key: string) => FmValue,
  writer: FormatWriter,
  removed: Set<number>,
): Splice {
  if (node.layout === 'fixed') {
    const splice = writer.appendFixed?.(
      node,
      keys.map((key) => [key, valueOf(key)]),
    );
    if (splice) return splice;
    throw new CannotEditInPlace('This collection cannot take new entries in place.');
  }
  if (node.layout === 'block') {
    let text = keys.map((key) => writer.blockEntry(node, key, valueOf(key))).join('');
    const at = node.appendAt;
    if (at > 0 && source[at - 1] !== '\n') text = writer.eol + text.slice(0, text.length - writer.eol.length);
    return { start: at, end: at, text };
  }
  const entries = node.entries.filter((_, index) => !removed.has(index));
  const last = entries[entries.length - 1];
  if (!last) {
    const text = keys.map((key) => writer.bracketEntry(node, key, valueOf(key), '')).join(', ');
    return { start: node.open + 1, end: node.close, text };
  }
  const indent = source.slice(lineStart(source, last.start), last.start).match(/^[ \t]*/)?.[0] ?? '';
  const previous = entries[entries.length - 2];
  let separator: string;
  const between = previous ? source.slice(previous.end, last.start) : '';
  if (previous && /^[ \t]*,[ \t]*(\r?\n[ \t]*)?$/.test(between)) separator = between;
  else if (source.slice(node.open, last.start).includes('\n')) separator = `,${writer.eol}${indent}`;
  else separator = ', ';
  const text = keys.map((key) => separator + writer.bracketEntry(node, key, valueOf(key), indent)).join('');
  return { start: last.end, end: last.end, text };
}
