/**
 * Linear scanning helpers for the content checks: every scan of post text moves forward only, so
 * a check costs O(length) whatever the text. `scanSteps.count` adds up the characters the scanners
 * passed over (tests bound it; it is never reset by the checks themselves).
 */
export const scanSteps = { count: 0 };

/** True for the characters JavaScript's `\s` matches. */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The next position of `char` at or after `from` in `text`, remembered so that asking again from
 * any earlier-or-equal position costs nothing (forward scans only: O(length) over all calls).
 */
export class NextChar {
  private at = -2;
  private asked = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The position of the next `char` at or after `from`, or -1. */
  from(from: number): number {
    if (from >= this.asked && (this.at === -1 || this.at >= from)) return this.at;
    const found = this.text.indexOf(this.char, from);
    scanSteps.count += Math.max(1, (found === -1 ? this.text.length : found + 1) - from);
    this.asked = from;
    this.at = found;
    return found;
  }
}

/**
 * The end of the run of characters matching `test` that starts at a position (the first position
 * at or after it that does not match), remembered so that asking from inside a run already read
 * costs nothing: O(length) over all calls that move forward.
 */
export class RunEnd {
  private start = -1;
  private end = -1;

  constructor(
    private readonly text: string,
    private readonly test: (code: number) => boolean,
  ) {}

  /** The first position at or after `from` whose character does not match (or the text's length). */
  from(from: number): number {
    if (from >= this.start && from <= this.end) return this.end;
    let at = from;
    while (at < this.text.length && this.test(this.text.charCodeAt(at))) at++;
    scanSteps.count += at - from + 1;
    this.start = from;
    this.end = at;
    return at;
  }
}
