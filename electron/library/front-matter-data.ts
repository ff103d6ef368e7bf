import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { FrontMatterFormat } from '../../shared/api';
import { lineOfOffset } from '../../shared/post/split-front-matter';

/** Parsed front matter data, or the problem that kept it from parsing (with its file line when known). */
export type HeaderData =
  { ok: true; data: Record<string, unknown> } | { ok: false; error: string; line: number | null };

/**
 * Parses a post's front matter header (the text from the file start through the end of the block's
 * own text, `rawStart` being where that text begins) into plain data: js-yaml with the CORE schema
 * (dates stay strings; about 10x faster than yaml 2 on a header), smol-toml, or JSON.
 * Never throws: a malformed header answers its message and its line within the file.
 */
export function parseHeader(header: string, format: FrontMatterFormat, rawStart: number): HeaderData {
  const raw = header.slice(rawStart);
  try {
    let data: unknown;
    if (format === 'json') data = JSON.parse(raw);
    else if (format === 'toml') data = parseToml(raw);
    else data = yaml.load(raw, { schema: yaml.CORE_SCHEMA }) ?? {};
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
