import { promises as fs } from 'node:fs';
import type { SiteInfo } from '../../shared/api';

/** Folders never listed wherever they are. */
const neverListed = new Set(['node_modules']);
/** Output folders of the generators, skipped at the site root when SiteInfo names none. */
const defaultSkipDirs = ['public', 'resources', '_site', 'dist'];
/** Project files every generator leaves unbuilt (matched on the name without extension). */
const projectFiles =
  /^(readme|changelog|changes|license|licence|contributing|code_of_conduct|security|authors)$/i;

/** Which folders and files of a site are posts, as the index walker asks it. */
export interface ListingRules {
  /** True when the folder (site-relative id) is never walked. */
  skipFolder(id: string, name: string, inPages: boolean): boolean;
  /** True when a post-named file directly in `folderId` ('' for the site root) is never listed. */
  skipFile(name: string, folderId: string): boolean;
  /** True when a folder with an `index.md` is a leaf page bundle (Hugo's rule; not Jekyll, Eleventy, Astro). */
  bundles: boolean;
}

/**
 * The listing rules of a site: `node_modules` anywhere, the generator's output, include, layout and
 * data folders where it puts them (SiteInfo.skipDirs, else the usual output folders at the site root
 * only: a content folder named `public` or `resources` deeper down is listed), and, for a known
 * generator, README/CHANGELOG/LICENSE-style files at the site root (a collection's `contributing.md`
 * is a page). In page folders (Jekyll's root) underscore
 * folders are Jekyll's own and are skipped.
 */
export function listingRules(site: SiteInfo): ListingRules {
  const skipDirs = new Set(site.skipDirs ?? defaultSkipDirs);
  const knownGenerator = site.generator !== 'plain' && site.generator !== 'configured';
  return {
    skipFolder: (id, name, inPages) =>
      neverListed.has(name) || skipDirs.has(id) || (inPages && (name.startsWith('_') || name === 'vendor')),
    skipFile: (name, folderId) =>
      knownGenerator && folderId === '' && projectFiles.test(name.replace(/\.[^.]*$/, '')),
    bundles: site.generator === 'hugo' || !knownGenerator,
  };
}

/** True when the file opens with a front matter fence (`---`, after a BOM): Jekyll's test of a page. */
export async function opensWithFrontMatter(file: string): Promise<boolean> {
  // A file that cannot be opened is skipped as absent.
  const handle = await fs.open(file, 'r').catch(() => null);
  if (handle === null) return false;
  try {
    const buffer = Buffer.alloc(8);
    const { bytesRead } = await handle.read(buffer, 0, 8, 0);
    const text = buffer
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    return /^---[ \t]*\r?\n/.test(text) || text === '---';
  } finally {
    await handle.close();
  }
}
