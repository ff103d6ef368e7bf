import { splitFrontMatter } from '../../shared/post/split-front-matter';

/**
 * Sets a top-level string value (such as `title` or `slug`) in a post's front matter by editing
 * only that key's line, keeping its quoting style, the line ending and every other byte. Answers
 * null when the post has no such top-level line (nothing is added then).
 */
export function setHeaderValue(text: string, key: string, value: string): string | null {
  const split = splitFrontMatter(text);
  if (split.format === null || split.error !== null) return null;
  const raw = text.slice(split.rawStart, split.rawEnd);
  const escapedKey = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern: RegExp;
  let render: (old: string) => string;
  if (split.format === 'yaml') {
    pattern = new RegExp(`^(${escapedKey}[ \\t]*:[ \\t]*)(.*?)([ \\t]*)(\\r?)$`, 'm');
    render = (old) => yamlScalar(old, value);
  } else if (split.format === 'toml') {
    pattern = new RegExp(`^(${escapedKey}[ \\t]*=[ \\t]*)(.*?)([ \\t]*)(\\r?)$`, 'm');
    render = (old) => (old.startsWith("'") && !/['\n]/.test(value) ? `'${value}'` : JSON.stringify(value));
  } else {
    pattern = new RegExp(`^([ \\t]*"${escapedKey}"[ \\t]*:[ \\t]*)("(?:[^"\\\\]|\\\\.)*")`, 'm');
    render = () => JSON.stringify(value);
  }
  const match = pattern.exec(raw);
  if (!match) return null;
  const old = match[2] ?? '';
  if (
    split.format !== 'json' &&
    (old === '' || old.startsWith('[') || old.startsWith('{') || /^[|>]/.test(old))
  ) {
    return null;
  }
  const replaced = `${match[1]}${render(old)}${split.format === 'json' ? '' : `${match[3] ?? ''}${match[4] ?? ''}`}`;
  const start = split.rawStart + match.index;
  return text.slice(0, start) + replaced + text.slice(start + match[0].length);
}

function yamlScalar(old: string, value: string): string {
  if (old.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  if (old.startsWith('"')) return JSON.stringify(value);
  const plain =
    /^[\p{L}\p{N}][\p{L}\p{N} _.,!?()/-]*$/u.test(value) &&
    !/^(true|false|yes|no|null|on|off|~)$/i.test(value);
  return plain && !/: | #/.test(value) ? value : JSON.stringify(value);
}
