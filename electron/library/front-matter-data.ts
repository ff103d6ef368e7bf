import matter from 'gray-matter';
import yaml from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import type { FrontMatterFormat } from '../../shared/api';
import { lineOfOffset } from '../../shared/post/split-front-matter';

/** Parsed front matter data, or the problem that kept it from parsing (with a file line number). */
export type HeaderData = { ok: true; data: Record<string, unknown> } | { ok: false; error: string };

const yamlEngine = (source: string): object =>
  (yaml.load(source, { schema: yaml.CORE_SCHEMA }) ?? {}) as object;
const tomlEngine = (source: string): object => parseToml(source);

/**
 * Parses a post's front matter header (the text from the file start through the closing fence) into
 * plain data, with gray-matter driving js-yaml (CORE schema: dates stay strings) and smol-toml.
 * Never throws: a malformed header answers its message and line within the file.
 */
export function parseHeader(header: string, format: FrontMatterFormat, rawStart: number): HeaderData {
  try {
    let data: unknown;
    if (format === 'json') {
      data = JSON.parse(header.slice(rawStart));
    } else {
      const delimiters = format === 'toml' ? '+++' : '---';
      data = matter(header.replace(/^\uFEFF/, ''), {
        language: format,
        delimiters,
        engines: { yaml: yamlEngine, toml: tomlEngine },
      }).data;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, error: 'The front matter is not a map of keys and values.' };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: describeParseError(error, header, format, rawStart) };
  }
}

function describeParseError(
  error: unknown,
  header: string,
  format: FrontMatterFormat,
  rawStart: number,
): string {
  const firstLine = lineOfOffset(header, rawStart);
  const base = (error instanceof Error ? error.message.split('\n')[0] : undefined) ?? String(error);
  let line: number | null = null;
  const withMark = error as { mark?: { line?: number }; line?: number };
  if (format === 'yaml' && typeof withMark.mark?.line === 'number') {
    line = firstLine + withMark.mark.line;
  } else if (format === 'toml' && typeof withMark.line === 'number') {
    line = firstLine + withMark.line - 1;
  } else if (format === 'json') {
    const position = /position (\d+)/.exec(base);
    if (position) line = lineOfOffset(header, rawStart + Number(position[1]));
  }
  const label = format.toUpperCase();
  return line === null
    ? `Invalid ${label} front matter: ${base}`
    : `Invalid ${label} front matter on line ${line}: ${base.replace(/ \(\d+:\d+\)$/, '')}`;
}
