import type { Problem } from './problem';

/** Windows-1252's characters for bytes 0x80-0x9F (the undefined bytes map to the C1 controls). */
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const byteOf = new Map<string, number>();
for (let index = 0; index < cp1252High.length; index++) byteOf.set(cp1252High[index] ?? '', 0x80 + index);
for (let code = 0xa0; code <= 0xff; code++) byteOf.set(String.fromCharCode(code), code);

const cont = `[\\u00A0-\\u00BF${cp1252High.replace(/[\\\]^-]/g, '\\$&')}]`;
const sequence = new RegExp(
  `(?:[\\u00C2-\\u00DF]${cont}|[\\u00E0-\\u00EF]${cont}{2}|[\\u00F0-\\u00F4]${cont}{3}|â€(?!${cont}))+`,
  'g',
);
const lostQuoteByte = new RegExp(`â€(?!${cont})`, 'g');
const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Re-decodes text that is UTF-8 read as Windows-1252 (`â€™` -> `’`, `Ã©` -> `é`), or answers null
 * when `text` is not such a sequence.
 */
export function redecodeMojibake(text: string): string | null {
  // The closing quote ” is E2 80 9D, and 0x9D has no Windows-1252 character: it is often lost.
  const filled = text.replace(lostQuoteByte, 'â€\u009D');
  const bytes = new Uint8Array(filled.length);
  for (let index = 0; index < filled.length; index++) {
    const byte = byteOf.get(filled[index] ?? '');
    if (byte === undefined) return null;
    bytes[index] = byte;
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** Finds mojibake sequences in `text`, each with a fix that replaces it by the re-decoded characters. */
export function checkMojibake(text: string): Problem[] {
  const problems: Problem[] = [];
  sequence.lastIndex = 0;
  for (let match = sequence.exec(text); match; match = sequence.exec(text)) {
    const fixed = redecodeMojibake(match[0]);
    if (fixed === null) continue;
    const from = match.index;
    const to = from + match[0].length;
    problems.push({
      code: 'mojibake',
      from,
      to,
      severity: 'warning',
      message: `This looks like garbled text: ${match[0]} should be ${fixed} (it looks like UTF-8 read as Windows-1252).`,
      fix: { label: `Replace with "${fixed}"`, changes: [{ from, to, insert: fixed }] },
    });
  }
  return problems;
}
