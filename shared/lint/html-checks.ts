import { attributeOf, findTags, type Problem } from './problem';
import { NextChar, scanSteps } from './scan-text';

/** Images without alt text: `<img>` with no alt attribute, and Markdown images with an empty one. */
export function checkImageAlt(text: string, markdown: boolean): Problem[] {
  const problems: Problem[] = [];
  for (const tag of findTags(text, 'img')) {
    if (attributeOf(tag, 'alt')) continue;
    problems.push({
      code: 'img-alt',
      from: tag.from,
      to: tag.to,
      severity: 'warning',
      message: 'This image has no alt text: screen readers and search engines cannot describe it.',
    });
  }
  if (markdown) {
    // Linear: the pattern has no nested repetition, and the next `)` is looked up forward only.
    const pattern = /!\[\s*\]\(/g;
    const closing = new NextChar(text, ')');
    scanSteps.count += text.length;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const close = closing.from(match.index);
      problems.push({
        code: 'img-alt',
        from: match.index,
        to: close === -1 ? match.index + match[0].length : close + 1,
        severity: 'warning',
        message: 'This image has empty alt text: write what it shows between the brackets.',
      });
    }
  }
  return problems;
}

/** Links opening a new tab (`target="_blank"`) without rel="noopener", each with a fix adding it. */
export function checkBlankNoopener(text: string): Problem[] {
  const problems: Problem[] = [];
  for (const tag of findTags(text, 'a')) {
    const target = attributeOf(tag, 'target');
    if (!target || target.value.trim().toLowerCase() !== '_blank') continue;
    const rel = attributeOf(tag, 'rel');
    const words = (rel?.value ?? '').toLowerCase().split(/\s+/);
    if (words.includes('noopener') || words.includes('noreferrer')) continue;
    const change = rel
      ? { from: rel.valueTo, to: rel.valueTo, insert: rel.value.trim() === '' ? 'noopener' : ' noopener' }
      : { from: target.valueTo + 1, to: target.valueTo + 1, insert: ' rel="noopener"' };
    problems.push({
      code: 'blank-noopener',
      from: tag.from,
      to: tag.to,
      severity: 'warning',
      message: 'target="_blank" without rel="noopener" lets the opened page control this one.',
      fix: { label: 'Add rel="noopener"', changes: [change] },
    });
  }
  return problems;
}

/** A CSS property written twice in one style attribute (`style="width: 50%; width: 40%"`). */
export function checkDuplicateStyle(text: string): Problem[] {
  const problems: Problem[] = [];
  // Linear: a quoted value that never closes fails only once per quote kind (no later one can close).
  scanSteps.count += text.length;
  const pattern = /\sstyle\s*=\s*("([^"]*)"|'([^']*)')/gi;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const css = match[2] ?? match[3] ?? '';
    const seen = new Set<string>();
    const repeated = new Set<string>();
    for (const declaration of css.split(';')) {
      const name = declaration.split(':')[0]?.trim().toLowerCase() ?? '';
      if (name === '' || !declaration.includes(':')) continue;
      if (seen.has(name)) repeated.add(name);
      seen.add(name);
    }
    if (repeated.size === 0) continue;
    const from = match.index + 1;
    const names = [...repeated].join(', ');
    problems.push({
      code: 'duplicate-style',
      from,
      to: match.index + match[0].length,
      severity: 'info',
      message: `The style attribute sets ${names} more than once; only the last one counts.`,
    });
  }
  return problems;
}
