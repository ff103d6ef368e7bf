/**
 * An inverted index of words: for each word, the set of posts holding it. Posts are added with their
 * distinct words (already split and lower-cased) and removed with the same words, each in time
 * proportional to their number of words; prefixes are looked up in a sorted list of the words (a
 * word stays listed with no posts once its last post is gone, so re-indexing a post keeps the list).
 */
export class WordIndex {
  private readonly postings = new Map<string, Set<string>>();
  private sorted: string[] | null = null;

  /** Records that post `id` holds each of `words` (distinct). */
  add(id: string, words: Iterable<string>): void {
    for (const word of words) {
      let posts = this.postings.get(word);
      if (posts === undefined) {
        posts = new Set();
        this.postings.set(word, posts);
        if (this.sorted !== null) this.sorted.splice(lowerBound(this.sorted, word), 0, word);
      }
      posts.add(id);
    }
  }

  /** Forgets post `id` under each of `words` (those it was added with). */
  remove(id: string, words: Iterable<string>): void {
    for (const word of words) {
      const posts = this.postings.get(word);
      if (posts === undefined) continue;
      posts.delete(id);
    }
  }

  /** The posts holding `word` (empty when none); the set is the index's own: do not change it. */
  postsWith(word: string): ReadonlySet<string> {
    return this.postings.get(word) ?? empty;
  }

  /** The indexed words (held by at least one post) starting with `prefix`, in code-unit order, at most `limit`. */
  wordsStartingWith(prefix: string, limit: number): string[] {
    this.sorted ??= [...this.postings.keys()].sort(compareUnits);
    const words = this.sorted;
    const found: string[] = [];
    for (let at = lowerBound(words, prefix); at < words.length && found.length < limit; at++) {
      const word = words[at] as string;
      if (!word.startsWith(prefix)) break;
      if ((this.postings.get(word)?.size ?? 0) > 0) found.push(word);
    }
    return found;
  }
}

/** The first position of sorted `words` whose word is not below `word`. */
function lowerBound(words: readonly string[], word: string): number {
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((words[middle] as string) < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

const empty: ReadonlySet<string> = new Set();

function compareUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
