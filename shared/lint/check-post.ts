import type { BodyKind } from '../api';
import { splitFrontMatter } from '../post/split-front-matter';
import { checkFrontMatter } from './front-matter-checks';
import { checkAnchors } from './anchor-checks';
import { maskCode } from './code-regions';
import { checkBlankNoopener, checkDuplicateStyle, checkImageAlt } from './html-checks';
import { checkMojibake } from './mojibake';
import type { Problem } from './problem';
import { checkTemplates } from './template-checks';
import { checkMissingFiles, type SiteRef } from './site-refs';

/**
 * Runs the checks that need nothing but the body's text: mojibake, images without alt,
 * target="_blank" without noopener, repeated style properties, unpaired template tags, links to
 * anchors of the post that no heading defines; never
 * inside code (fences, indented blocks, code spans, `<pre>`/`<code>`, code shortcodes). Offsets are
 * into `body`, sorted.
 */
export function checkBody(body: string, kind: BodyKind): Problem[] {
  const text = maskCode(body, kind === 'markdown');
  return [
    ...checkMojibake(text),
    ...checkImageAlt(text, kind === 'markdown'),
    ...checkBlankNoopener(text),
    ...checkDuplicateStyle(text),
    ...checkTemplates(text),
    ...checkAnchors(text, kind),
  ].sort((a, b) => a.from - b.from);
}

/** What checkPost may also know: the refs of the body and which of their files exist. */
export interface SiteFileFacts {
  refs: SiteRef[];
  existing: ReadonlySet<string>;
}

/**
 * Every check on a whole post (front matter and body); offsets are into `text`. Missing files are
 * checked only when `files` says which exist (their refs' offsets are into the body); `frontMatter`
 * is the block's data when the caller already parsed it (else it is parsed here).
 */
export function checkPost(
  text: string,
  kind: BodyKind,
  files?: SiteFileFacts,
  frontMatter?: Record<string, unknown>,
): Problem[] {
  const bodyStart = splitFrontMatter(text).bodyStart;
  const body = text.slice(bodyStart);
  const bodyProblems = [
    ...checkBody(body, kind),
    ...(files ? checkMissingFiles(files.refs, files.existing) : []),
  ];
  const shift = (problem: Problem): Problem => ({
    ...problem,
    from: problem.from + bodyStart,
    to: problem.to + bodyStart,
    ...(problem.fix
      ? {
          fix: {
            label: problem.fix.label,
            changes: problem.fix.changes.map((c) => ({
              ...c,
              from: c.from + bodyStart,
              to: c.to + bodyStart,
            })),
          },
        }
      : {}),
  });
  return [...checkFrontMatter(text, frontMatter), ...bodyProblems.map(shift)].sort((a, b) => a.from - b.from);
}

/**
 * How many problems a post has (for a badge in the post list): every check that needs only the
 * post's text, plus missing files when `files` is given.
 */
export function countProblems(text: string, kind: BodyKind, files?: SiteFileFacts): number {
  return checkPost(text, kind, files).length;
}
