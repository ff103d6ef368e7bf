import {
  editFrontMatter,
  FrontMatterEditError,
  removeIn,
  setIn,
} from '../../../shared/post/front-matter/front-matter-edit';
import type { FmMap, FmValue } from '../../../shared/post/front-matter/located-tree';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import type { TextEdit } from './search-replace';

/** One change of front matter made to every selected post. */
export interface BulkEdit {
  op: 'set' | 'clear' | 'addTag' | 'removeTag';
  key: string;
  value?: string;
}

/** The value a typed text stands for: `true` and `false` are booleans, anything else stays text. */
function typedValue(text: string): FmValue {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return text;
}

function nextData(data: FmMap, edit: BulkEdit): FmMap {
  const has = Object.prototype.hasOwnProperty.call(data, edit.key);
  const current = has ? data[edit.key] : undefined;
  const value = edit.value ?? '';
  switch (edit.op) {
    case 'set':
      return setIn(data, [edit.key], typedValue(value));
    case 'clear':
      return has ? removeIn(data, [edit.key]) : data;
    case 'addTag': {
      if (current === undefined) return setIn(data, [edit.key], [value]);
      if (!Array.isArray(current)) throw new FrontMatterEditError(`${edit.key} is not a list`);
      return current.includes(value) ? data : setIn(data, [edit.key], [...current, value]);
    }
    case 'removeTag': {
      if (!Array.isArray(current) || !current.includes(value)) return data;
      return setIn(
        data,
        [edit.key],
        current.filter((item) => item !== value),
      );
    }
  }
}

/**
 * The edit of one post's text for a bulk change, through the lossless front matter writer: the
 * key's line (or one list item) changes, every other byte stays. A post without front matter, or
 * whose front matter cannot be read or written in place, is refused with the reason.
 */
export function bulkTextEdit(edit: BulkEdit): TextEdit {
  return (text) => {
    const split = splitFrontMatter(text);
    if (split.format === null) return { reason: 'the post has no front matter' };
    if (split.error !== null) return { reason: split.error };
    const raw = text.slice(split.rawStart, split.rawEnd);
    try {
      const edited = editFrontMatter(raw, split.format, (data) => nextData(data, edit));
      if (!edited.ok) return { reason: `its front matter cannot be read (${edited.error})` };
      if (edited.raw === raw) return text;
      return text.slice(0, split.rawStart) + edited.raw + text.slice(split.rawEnd);
    } catch (error) {
      if (error instanceof FrontMatterEditError) return { reason: error.message };
      throw error;
    }
  };
}
