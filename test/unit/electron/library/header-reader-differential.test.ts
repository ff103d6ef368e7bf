import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { FrontMatterFormat, SiteInfo } from '../../../../shared/api';
import { readFrontMatter } from '../../../../shared/post/front-matter/front-matter-edit';
import { splitFrontMatter } from '../../../../shared/post/split-front-matter';
import { parseHeader } from '../../../../electron/library/front-matter-data';
import { summarize } from '../../../../electron/library/post-summary';
import { body, jsonBlock, tomlBlock, yamlBlock, type GenBlock } from '../../../support/post-generators';

/**
 * A differential property: the post list's header reader (gray-matter with js-yaml CORE and
 * smol-toml, on the header bytes only) and the editor's reader (the lossless located tree of the
 * form) agree on every generated post: both read it or both refuse it, and they see the same data.
 */
const numRuns = Number(process.env.FC_RUNS ?? 300);
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : Math.floor(Math.random() * 2 ** 31);

const site: SiteInfo = {
  root: '/site',
  name: 'site',
  generator: 'hugo',
  contentDirs: ['content'],
  staticDir: 'static',
  notice: null,
  detected: 'Hugo site',
  sections: ['posts'],
  trash: 'folder',
  canReveal: false,
};

const fences: Record<FrontMatterFormat, [string, string]> = {
  yaml: ['---', '---'],
  toml: ['+++', '+++'],
  json: ['', ''],
};

function postText(block: GenBlock, format: FrontMatterFormat, text: string, bom: boolean): string {
  const [open, close] = fences[format];
  const head =
    format === 'json' ? `${block.raw}${block.eol}` : `${open}${block.eol}${block.raw}${close}${block.eol}`;
  return (bom ? '\uFEFF' : '') + head + text;
}

const dateTime = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})?$/;
const time = /^(\d{2}:\d{2}:\d{2})(?:\.(\d+))?$/;

/** One spelling per TOML date or time: the list sees TomlDate objects, which print `.000` and a `T`. */
function sameSpelling(value: string): string {
  const fraction = (digits: string | undefined) =>
    digits && /[1-9]/.test(digits) ? `.${digits.replace(/0+$/, '')}` : '';
  const full = dateTime.exec(value);
  if (full) return `${full[1]}T${full[2]}${fraction(full[3])}${(full[4] ?? '').toUpperCase()}`;
  const clock = time.exec(value);
  return clock ? `${clock[1]}${fraction(clock[2])}` : value;
}

/** Plain JSON data, TOML dates and times spelled one way. */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? sameSpelling(item) : item,
  );

const blocks: Record<FrontMatterFormat, fc.Arbitrary<GenBlock>> = {
  yaml: yamlBlock,
  toml: tomlBlock,
  json: jsonBlock,
};

describe('the list and the editor read front matter alike', () => {
  test.each(['yaml', 'toml', 'json'] as const)(
    '%s: same verdict and same data on every generated post',
    (format) => {
      let compared = 0;
      const details = fc.check(
        fc.property(blocks[format], body, fc.boolean(), (block, text, bom) => {
          const post = postText(block, format, text, bom);
          const split = splitFrontMatter(post);
          expect(split.format).toBe(format);
          const list = parseHeader(post.slice(0, split.rawEnd), format, split.rawStart);
          const editor = readFrontMatter(post.slice(split.rawStart, split.rawEnd), format);
          expect(
            list.ok,
            `list: ${list.ok ? 'ok' : list.error}; editor: ${editor.ok ? 'ok' : editor.error}`,
          ).toBe(editor.ok);
          if (list.ok && editor.ok) {
            expect(plain(list.data)).toEqual(plain(editor.data));
            const row = summarize(site, 'content/posts/p.md', post, { mtimeMs: 0, size: post.length });
            expect(row.error).toBeNull();
            compared++;
          }
        }),
        { numRuns, seed },
      );
      if (details.failed) {
        throw new Error(
          `${format} readers disagree (seed ${seed}; replay with FC_SEED=${seed}).\n` +
            `Counterexample: ${fc.stringify(details.counterexample)}\n${String(details.errorInstance)}`,
        );
      }
      expect(compared).toBeGreaterThan(numRuns / 2);
    },
  );
});
