import type { FrontMatterFormat, SchemaField } from '../../../shared/api';
import type { Taxonomy } from '../../../shared/api-search';
import {
  editFrontMatter,
  FrontMatterEditError,
  removeIn,
  setIn,
} from '../../../shared/post/front-matter/front-matter-edit';
import type { FmMap, FmValue } from '../../../shared/post/front-matter/located-tree';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import { parseHeader } from '../front-matter-data';
import type { TextEdit } from './search-replace';

/** A rename, merge or delete of taxonomy values. */
export interface TaxonomyEdit {
  key: string;
  action: 'rename' | 'merge' | 'delete';
  from: string[];
  to?: string;
}

const builtIn: Record<string, string[]> = {
  tags: ['tags'],
  categories: ['categories'],
  series: ['series'],
  authors: ['authors', 'author'],
};

/** The taxonomy groups of a site: the built-in four and every list key its schema names. */
export function taxonomyFields(schema: readonly SchemaField[]): Record<string, string[]> {
  const groups: Record<string, string[]> = { ...builtIn };
  for (const field of schema) {
    if (
      (field.type === 'tags' || field.type === 'list') &&
      !field.name.includes('.') &&
      !(field.name in groups)
    ) {
      if (!Object.values(groups).some((fields) => fields.includes(field.name)))
        groups[field.name] = [field.name];
    }
  }
  return groups;
}

const valuesOf = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : Array.isArray(value)
      ? value.filter((item) => typeof item === 'string')
      : [];

/** Counts each value of each group over the posts' texts (front matter read with the fast reader). */
export function countTaxonomies(texts: Iterable<string>, groups: Record<string, string[]>): Taxonomy[] {
  const counts = new Map<string, Map<string, number>>(Object.keys(groups).map((key) => [key, new Map()]));
  for (const text of texts) {
    const split = splitFrontMatter(text);
    if (split.format === null || split.error !== null) continue;
    const header = parseHeader(text.slice(0, split.rawEnd), split.format, split.rawStart);
    if (!header.ok) continue;
    for (const [key, fields] of Object.entries(groups)) {
      const seen = new Set<string>();
      for (const field of fields) for (const value of valuesOf(header.data[field])) seen.add(value);
      const group = counts.get(key);
      for (const value of seen) group?.set(value, (group.get(value) ?? 0) + 1);
    }
  }
  return Object.entries(groups).map(([key, fields]) => ({
    key,
    fields,
    terms: [...(counts.get(key) ?? new Map<string, number>())]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
  }));
}

function editValue(value: FmValue, edit: TaxonomyEdit): FmValue | undefined | null {
  const from = new Set(edit.from);
  const to = edit.action === 'delete' ? null : (edit.to ?? '').trim();
  if (typeof value === 'string') {
    if (!from.has(value)) return null;
    return to === null ? undefined : to;
  }
  if (!Array.isArray(value) || !value.some((item) => typeof item === 'string' && from.has(item))) return null;
  const next: FmValue[] = [];
  let placed = false;
  const present = to !== null && value.some((item) => item === to && !from.has(item));
  for (const item of value) {
    if (typeof item === 'string' && from.has(item)) {
      if (to !== null && !present && !placed) {
        next.push(to);
        placed = true;
      }
      continue;
    }
    next.push(item);
  }
  return next;
}

/**
 * The edit of one post's text for a taxonomy change, through the lossless front matter writer (each
 * post changes by the list item or the line of the value; style and quoting stay). A post without
 * the value is left as it is; one whose front matter cannot be read or written is refused.
 */
export function taxonomyTextEdit(edit: TaxonomyEdit, fields: readonly string[]): TextEdit {
  return (text) => {
    const split = splitFrontMatter(text);
    if (split.format === null) return text;
    if (split.error !== null) return { reason: split.error };
    const format: FrontMatterFormat = split.format;
    const raw = text.slice(split.rawStart, split.rawEnd);
    try {
      const edited = editFrontMatter(raw, format, (read) => {
        let data: FmMap = read;
        for (const field of fields) {
          if (!Object.prototype.hasOwnProperty.call(data, field)) continue;
          const next = editValue(data[field] as FmValue, edit);
          if (next === null) continue;
          data = next === undefined ? removeIn(data, [field]) : setIn(data, [field], next);
        }
        return data;
      });
      if (!edited.ok) return { reason: `its front matter cannot be read (${edited.error})` };
      if (edited.raw === raw) return text;
      return text.slice(0, split.rawStart) + edited.raw + text.slice(split.rawEnd);
    } catch (error) {
      if (error instanceof FrontMatterEditError) return { reason: error.message };
      throw error;
    }
  };
}
