import { describe, expect, it } from 'vitest';
import type { SchemaField } from '../../../../../shared/api';
import {
  formatLikeOriginal,
  nowLike,
  parseDateText,
  pickerValue,
} from '../../../../../shared/post/front-matter/date-text';
import { inferFieldKind } from '../../../../../shared/post/front-matter/field-kind';
import { validateFrontMatter } from '../../../../../shared/post/front-matter/validate-front-matter';

const field = (name: string, extra: Partial<SchemaField>): SchemaField => ({
  name,
  type: null,
  label: null,
  required: false,
  choices: [],
  hidden: false,
  ...extra,
});

describe('dates written back in their own format', () => {
  it('reads dates and date-times, refusing impossible days', () => {
    expect(parseDateText('2024-02-29')).toMatchObject({ date: '2024-02-29', time: null });
    expect(parseDateText('2023-02-29')).toBeNull();
    expect(parseDateText('May 5, 2020')).toBeNull();
    expect(parseDateText('2024-05-19 10:20:30 +02:00')).toMatchObject({
      separator: ' ',
      seconds: ':30',
      zone: '+02:00',
    });
  });

  it('keeps the separator, seconds and zone text of the original', () => {
    expect(formatLikeOriginal('2024-06-01', '2024-05-19')).toBe('2024-06-01');
    expect(formatLikeOriginal('2024-06-01T08:15', '2024-05-19T10:00:00+02:00')).toBe(
      '2024-06-01T08:15:00+02:00',
    );
    expect(formatLikeOriginal('2024-06-01T08:15:07', '2024-05-19 10:00Z')).toBe('2024-06-01 08:15:07Z');
    expect(pickerValue('2024-05-19T10:00:00.123Z')).toBe('2024-05-19T10:00:00');
    expect(pickerValue('not a date')).toBe('');
  });

  it('stamps now in the format of the value it replaces', () => {
    const now = new Date(Date.UTC(2025, 0, 2, 3, 4, 5));
    expect(nowLike('2024-05-19T10:00:00Z', now)).toBe('2025-01-02T03:04:05Z');
    expect(nowLike('2024-05-19T10:00:00+02:00', now)).toBe('2025-01-02T05:04:05+02:00');
    expect(nowLike('2024-05-19T10:00+02:00', now)).toBe('2025-01-02T05:04+02:00');
    expect(nowLike('2024-05-19', now)).toMatch(/^2025-01-0[12]$/);
    expect(nowLike(null, now)).toBe('2025-01-02T03:04:05Z');
  });
});

describe('field kinds', () => {
  it('infers the input from the key and the value', () => {
    expect(inferFieldKind('title', 'x'.repeat(200))).toBe('text');
    expect(inferFieldKind('description', 'x'.repeat(200))).toBe('textarea');
    expect(inferFieldKind('date', '2024-05-19')).toBe('date');
    expect(inferFieldKind('lastmod', '2024-05-19T10:00:00Z')).toBe('datetime');
    expect(inferFieldKind('publishDate', 'soon')).toBe('text');
    expect(inferFieldKind('draft', true)).toBe('boolean');
    expect(inferFieldKind('tags', ['a'])).toBe('tags');
    expect(inferFieldKind('weight', 3)).toBe('number');
    expect(inferFieldKind('params', { a: 1 })).toBe('map');
    expect(inferFieldKind('links', [{ name: 'a' }])).toBe('list-of-maps');
    expect(inferFieldKind('matrix', [[1]])).toBe('json');
  });

  it('lets the schema refine it when the value fits', () => {
    expect(inferFieldKind('status', 'idea', field('status', { type: 'choice' }))).toBe('select');
    expect(inferFieldKind('summary', 'short', field('summary', { type: 'text' }))).toBe('textarea');
    expect(inferFieldKind('status', 3, field('status', { type: 'choice' }))).toBe('number');
  });
});

describe('validation', () => {
  it('names missing required fields, wrong types, invalid dates and unknown choices', () => {
    const fields = [
      field('summary', { required: true }),
      field('weight', { type: 'number' }),
      field('status', { type: 'choice', choices: ['idea', 'done'] }),
    ];
    expect(
      validateFrontMatter(
        { weight: 'heavy', status: 'maybe', date: '2024-13-01', lastmod: '2024-05-19' },
        fields,
      ),
    ).toEqual([
      { key: 'summary', message: 'summary is required.' },
      { key: 'weight', message: 'Expected a number.' },
      { key: 'status', message: '"maybe" is not one of idea, done.' },
      { key: 'date', message: '"2024-13-01" is not a date (expected YYYY-MM-DD or an ISO date-time).' },
    ]);
  });
});
