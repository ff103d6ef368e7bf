import type { SchemaField } from '../../api';
import { isDateText } from './date-text';
import { isFmMap, type FmValue } from './located-tree';

/** The input a front matter field is edited with. */
export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'number'
  | 'tags'
  | 'select'
  | 'map'
  | 'list-of-maps'
  | 'json';

const dateKeys = new Set([
  'date',
  'lastmod',
  'publishdate',
  'expirydate',
  'pubdate',
  'updated',
  'modified',
  'created',
]);
const tagKeys = new Set(['tags', 'categories', 'keywords', 'aliases', 'authors', 'series']);
const longText = 80;

/** The date kind of a date text: `date` for a day, `datetime` when it has a time. */
function dateKind(value: FmValue): FieldKind {
  return typeof value === 'string' && /\d[Tt ]\d/.test(value) ? 'datetime' : 'date';
}

/**
 * Chooses the input for a key from its schema field, its name and its value: title is text; date,
 * lastmod, publishDate, expiryDate are date pickers; draft is a checkbox; tags, categories,
 * keywords, aliases are tag inputs; numbers, long strings (textarea), maps (a group), lists of maps
 * (a repeatable group); anything else is edited as JSON text.
 */
export function inferFieldKind(key: string, value: FmValue | undefined, field?: SchemaField): FieldKind {
  const lower = key.toLowerCase();
  const isScalarList =
    Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number');
  switch (field?.type) {
    case 'date':
    case 'datetime':
      if (
        value === undefined ||
        value === null ||
        (typeof value === 'string' && (value === '' || isDateText(value)))
      ) {
        return value ? dateKind(value) : field.type;
      }
      break;
    case 'boolean':
      if (value === undefined || typeof value === 'boolean') return 'boolean';
      break;
    case 'number':
      if (value === undefined || typeof value === 'number') return 'number';
      break;
    case 'tags':
      if (value === undefined || isScalarList) return 'tags';
      break;
    case 'choice':
      if (value === undefined || typeof value === 'string') return 'select';
      break;
    case 'text':
      if (value === undefined || typeof value === 'string') return 'textarea';
      break;
    case 'fields':
      if (value === undefined || isFmMap(value)) return 'map';
      break;
    case 'list':
      if (value === undefined || (Array.isArray(value) && value.every(isFmMap))) return 'list-of-maps';
      break;
    default:
      break;
  }
  if (value === undefined) {
    if (dateKeys.has(lower)) return 'date';
    if (lower === 'draft') return 'boolean';
    if (tagKeys.has(lower)) return 'tags';
    return 'text';
  }
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return 'number';
  if (value === null) return dateKeys.has(lower) ? 'date' : 'text';
  if (typeof value === 'string') {
    if ((dateKeys.has(lower) || isDateText(value)) && isDateText(value)) return dateKind(value);
    if (lower === 'title') return 'text';
    return value.length > longText || value.includes('\n') ? 'textarea' : 'text';
  }
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item === 'string')) return 'tags';
    if (value.length > 0 && value.every(isFmMap)) return 'list-of-maps';
    return 'json';
  }
  return 'map';
}
