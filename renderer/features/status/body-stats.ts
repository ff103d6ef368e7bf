/** Figures about a body for the status bar. */
export interface BodyStats {
  words: number;
  /** Whole minutes at 230 words a minute, at least 1 for a non-empty body. */
  readingMinutes: number;
}

const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Counts the words a reader sees in a Markdown or HTML body (tags, comments, URLs of links and
 * images left out) and the reading time they take.
 */
export function bodyStats(body: string): BodyStats {
  const visible = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, '] ')
    .replace(/&[a-z]+;|&#\d+;/gi, ' ');
  let words = 0;
  wordPattern.lastIndex = 0;
  while (wordPattern.exec(visible)) words++;
  return { words, readingMinutes: words === 0 ? 0 : Math.max(1, Math.round(words / 230)) };
}
