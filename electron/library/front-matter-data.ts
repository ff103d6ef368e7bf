import matter from 'gray-matter';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { FrontMatterFormat } from '../../shared/api';
import { lineOfOffset } from '../../shared/post/split-front-matter';

/** Parsed front matter data, or the problem that kept it from parsing (with its file line when known). */
export type HeaderData =
  { ok: true; data: Record<string, unknown> } | { ok: false; error: string; line: number | null };

// gray-matter reads the YAML and TOML blocks, driving js-yaml with the CORE schema (dates stay
// strings; about 10x faster than yaml 2 on a header) and smol-toml. Options are always passed, so
// gray-matter never caches the text (it caches only calls without options).
// gray-matter hands an engine the block from the end of the opening fence, so the rest of that
// line comes first: drop it, so error lines count from the block's first line as they should.
const fromBlockStart = (source: string): string => source.replace(/^[ \t]*\r?\n/, '');
// The YAML 1.1 types (`!!binary`, `!!set`, `!!timestamp`, `!!omap`, `!!pairs`) and local tags (a
// custom `!foo`) read as the data written under them: a scalar's text (base64 stays text, never
// bytes), the list or the map. Other global tags (`!!python/object`...) stay unknown-tag errors.
const kinds = ['scalar', 'sequence', 'mapping'] as const;
const asWritten = (kind: (typeof kinds)[number]) => (data: unknown) =>
  data ?? (kind === 'scalar' ? '' : kind === 'sequence' ? [] : {});
const extraTypes = [
  ...['binary', 'set', 'timestamp', 'omap', 'pairs'].flatMap((name) =>
    kinds.map((kind) => new yaml.Type(`tag:yaml.org,2002:${name}`, { kind, construct: asWritten(kind) })),
  ),
  ...kinds.map((kind) => new yaml.Type('!', { kind, multi: true, construct: asWritten(kind) })),
];
const headerSchema = yaml.CORE_SCHEMA.extend(extraTypes);
const engines = {
  yaml: (source: string): object =>
    (yaml.load(fromBlockStart(source), { schema: headerSchema }) ?? {}) as object,
  toml: (source: string): object => parseToml(fromBlockStart(source)),
};

/**
 * Parses a post's front matter header (the text from the file start through the end of the block's
 * own text, `rawStart` being where that text begins) into plain data: gray-matter for YAML and
 * TOML blocks, JSON.parse for Hugo's JSON blocks (which gray-matter does not recognise).
 * Never throws: a malformed header answers its message and its line within the file.
 */
export function parseHeader(header: string, format: FrontMatterFormat, rawStart: number): HeaderData {
  const raw = header.slice(rawStart);
  try {
    let data: unknown;
    if (format === 'json') data = JSON.parse(raw);
    else {
      const delimiters = format === 'toml' ? '+++' : '---';
      const source = header.startsWith('\uFEFF') ? header.slice(1) : header;
      data = matter(source, { language: format, delimiters, engines }).data;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      const line = lineOfOffset(header, rawStart);
      return {
        ok: false,
        error: `The front matter starting on line ${line} is not a map of keys and values.`,
        line,
      };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    return describeParseError(error, header, format, rawStart);
  }
}

function describeParseError(
  error: unknown,
  header: string,
  format: FrontMatterFormat,
  rawStart: number,
): HeaderData & { ok: false } {
  const firstLine = lineOfOffset(header, rawStart);
  const message = error instanceof Error ? error.message : String(error);
  const base =
    (error instanceof yaml.YAMLException ? error.reason : undefined) ??
    (format === 'json' ? message.replace(/\s+/g, ' ') : (message.split('\n')[0] ?? message));
  let line: number | null = null;
  const withMark = error as { mark?: { line?: number }; line?: number };
  if (format === 'yaml' && typeof withMark.mark?.line === 'number') {
    line = firstLine + withMark.mark.line;
  } else if (format === 'toml' && typeof withMark.line === 'number') {
    line = firstLine + withMark.line - 1;
  } else if (format === 'json') {
    const position = /position (\d+)/.exec(message);
    const lineColumn = /line (\d+) column/.exec(message);
    if (position) line = lineOfOffset(header, rawStart + Number(position[1]));
    else if (lineColumn) line = firstLine + Number(lineColumn[1]) - 1;
    else if (/end of (JSON )?input/i.test(message)) line = lineOfOffset(header, header.length);
  }
  const label = format.toUpperCase();
  const reason = base.replace(/ \(\d+:\d+\)$/, '').replace(/ in JSON at position \d+.*$/, '');
  return {
    ok: false,
    line,
    error:
      line === null
        ? `Invalid ${label} front matter: ${reason}`
        : `Invalid ${label} front matter on line ${line}: ${reason}`,
  };
}
