import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import type { FrontMatterFormat } from '../api';

/** Front matter as plain data for display, or why it could not be read. */
export type FrontMatterData = { ok: true; data: Record<string, unknown> } | { ok: false; error: string };

/** Parses the text between a front matter block's fences (YAML, TOML or JSON) into plain data. */
export function parseFrontMatter(raw: string, format: FrontMatterFormat): FrontMatterData {
  try {
    const data: unknown =
      format === 'yaml'
        ? parseYaml(raw, { logLevel: 'error' })
        : format === 'toml'
          ? parseToml(raw)
          : JSON.parse(raw);
    if (data === null || data === undefined) return { ok: true, data: {} };
    if (typeof data !== 'object' || Array.isArray(data)) {
      return { ok: false, error: 'The front matter is not a map of keys and values.' };
    }
    return { ok: true, data: data as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: (error as Error).message.split('\n')[0] ?? String(error) };
  }
}
