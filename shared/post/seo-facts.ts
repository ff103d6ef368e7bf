/** How a text's length compares with the range search engines show in full. */
export type LengthVerdict = 'missing' | 'short' | 'good' | 'long';

/** One length figure of the SEO panel. */
export interface LengthFact {
  length: number;
  verdict: LengthVerdict;
  /** The range writers aim for, e.g. [50, 60]. */
  range: readonly [number, number];
}

/** What the SEO panel shows of a post. */
export interface SeoFacts {
  title: LengthFact;
  description: LengthFact;
  /** The post's slug (its `slug` key, else its file or bundle name) and what is wrong with it, if anything. */
  slug: { value: string; problem: string | null };
  /** Images in the body without alt text (Markdown `![](...)` and HTML `<img>` without `alt`). */
  imagesWithoutAlt: number;
  /** Plain-words warnings, most important first. */
  warnings: string[];
}

/** The title length writers aim for (what search results show before cutting). */
export const titleRange = [50, 60] as const;
/** The meta description length writers aim for. */
export const descriptionRange = [150, 160] as const;

function lengthFact(text: string, range: readonly [number, number]): LengthFact {
  const length = [...text.trim()].length;
  const verdict: LengthVerdict =
    length === 0 ? 'missing' : length < range[0] ? 'short' : length > range[1] ? 'long' : 'good';
  return { length, verdict, range };
}

/** The slug a post is published under: its `slug` key, else its file name (or its bundle folder's). */
export function postSlug(id: string, slugKey: string | null): string {
  if (slugKey !== null && slugKey.trim() !== '') return slugKey.trim();
  const parts = id.split('/');
  let name = parts.at(-1) ?? id;
  if (/^index\.[A-Za-z]+$/i.test(name) && parts.length > 1) name = parts.at(-2) ?? name;
  return name.replace(/\.[A-Za-z0-9]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
}

function slugProblem(slug: string): string | null {
  if (slug.length > 75) return 'The slug is long: short URLs are easier to read and share.';
  if (/[A-Z]/.test(slug)) return 'The slug has capital letters: URLs are usually all lower case.';
  if (/[\s_]/.test(slug)) return 'The slug has spaces or underscores: hyphens separate words in URLs.';
  if (/[^a-z0-9-]/.test(slug)) return 'The slug has characters other than letters, digits and hyphens.';
  return null;
}

/** Counts images without alt text: Markdown `![](` with empty brackets, HTML `<img>` with no or empty `alt`. */
export function countImagesWithoutAlt(body: string): number {
  let count = 0;
  for (let at = body.indexOf('![]('); at !== -1; at = body.indexOf('![](', at + 4)) count++;
  const lower = body.toLowerCase();
  // Each tag is read once, up to its `>`; the search goes on after it, so the scan stays linear.
  for (let at = lower.indexOf('<img'); at !== -1;) {
    const end = lower.indexOf('>', at);
    if (end === -1) break;
    const tag = lower.slice(at, Math.min(end, at + 2000));
    const alt = /\salt\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/.exec(tag);
    if (!alt || (alt[2] ?? alt[3] ?? alt[4] ?? '').trim() === '') count++;
    at = lower.indexOf('<img', end);
  }
  return count;
}

/**
 * The SEO facts of a post: title and description lengths against the usual ranges (50-60 and
 * 150-160 characters), the slug and what is wrong with it, images without alt text, and the
 * warnings in plain words. Every scan is one pass over the text.
 */
export function seoFacts(post: {
  id: string;
  title: string;
  description: string;
  slug: string | null;
  body: string;
}): SeoFacts {
  const title = lengthFact(post.title, titleRange);
  const description = lengthFact(post.description, descriptionRange);
  const slug = postSlug(post.id, post.slug);
  const imagesWithoutAlt = countImagesWithoutAlt(post.body);
  const warnings: string[] = [];
  if (title.verdict === 'missing') warnings.push('The post has no title.');
  else if (title.verdict === 'long')
    warnings.push(`The title is ${title.length} characters: search results cut it after about 60.`);
  if (description.verdict === 'missing')
    warnings.push('The post has no description: search results will show text picked from the page.');
  else if (description.verdict === 'long')
    warnings.push(
      `The description is ${description.length} characters: search results cut it after about 160.`,
    );
  const problem = slugProblem(slug);
  if (problem) warnings.push(problem);
  if (imagesWithoutAlt > 0) {
    warnings.push(
      imagesWithoutAlt === 1
        ? 'One image has no alt text: screen readers and search engines cannot tell what it shows.'
        : `${imagesWithoutAlt} images have no alt text: screen readers and search engines cannot tell what they show.`,
    );
  }
  return { title, description, slug: { value: slug, problem }, imagesWithoutAlt, warnings };
}
