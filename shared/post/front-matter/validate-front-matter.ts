import type { SchemaField } from '../../api';
import { isDateText } from './date-text';
import { isFmMap, type FmMap, type FmValue } from './located-tree';

/** A problem of one field, shown beside it. */
export interface FieldProblem {
  key: string;
  message: string;
}

const dateKeys = new Set(['date', 'lastmod', 'publishdate', 'expirydate']);

/**
 * Checks front matter data against the site schema and common sense: a required field that is
 * missing or empty, a value of the wrong type for its schema field, a date key that is not a date.
 */
export function validateFrontMatter(data: FmMap, fields: readonly SchemaField[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of fields) {
    const value = data[field.name];
    if (field.required && (value === undefined || value === null || value === '')) {
      problems.push({ key: field.name, message: `${field.label ?? field.name} is required.` });
      continue;
    }
    if (value === undefined || value === null) continue;
    const wrong = wrongType(field, value);
    if (wrong) problems.push({ key: field.name, message: wrong });
  }
  for (const [key, value] of Object.entries(data)) {
    if (problems.some((problem) => problem.key === key)) continue;
    if (dateKeys.has(key.toLowerCase()) && typeof value === 'string' && value !== '' && !isDateText(value)) {
      problems.push({ key, message: `"${value}" is not a date (expected YYYY-MM-DD or an ISO date-time).` });
    }
  }
  return problems;
}

function wrongType(field: SchemaField, value: FmValue): string | null {
  switch (field.type) {
    case 'date':
    case 'datetime':
      return typeof value === 'string' && isDateText(value) ? null : `"${String(value)}" is not a date.`;
    case 'boolean':
      return typeof value === 'boolean' ? null : 'Expected true or false.';
    case 'number':
      return typeof value === 'number' ? null : 'Expected a number.';
    case 'tags':
      return Array.isArray(value) ? null : 'Expected a list.';
    case 'choice':
      return field.choices.length === 0 || field.choices.includes(String(value))
        ? null
        : `"${String(value)}" is not one of ${field.choices.join(', ')}.`;
    case 'fields':
      return isFmMap(value) ? null : 'Expected a group of fields.';
    case 'list':
      return Array.isArray(value) ? null : 'Expected a list.';
    case 'string':
    case 'text':
      return typeof value === 'string' ? null : 'Expected text.';
    default:
      return null;
  }
}
