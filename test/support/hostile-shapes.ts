import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One hostile shape of post text: a name and how to make it at a given size (in characters). */
export interface HostileShape {
  name: string;
  make(size: number): string;
  /** Checks this shape is known to be slow in (marked's own super-linear paths), left to the budget. */
  skip?: string[];
}

const repeat = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** The small committed samples of test/fixtures/hostile/slow-shapes/ (each a known shape, a few KB). */
export const hostileSamplesDir = path.resolve(__dirname, '..', 'fixtures', 'hostile', 'slow-shapes');

/** Reads one committed sample of the corpus. */
export function hostileSample(name: string): string {
  return readFileSync(path.join(hostileSamplesDir, name), 'utf8');
}

/** A list nested one level deeper on each line (400 levels, again and again) up to `size` characters. */
function nestedList(size: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let level = 0; length < size; level = (level + 1) % 400) {
    const line = `${'  '.repeat(level)}- a`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, size);
}

/** The known super-linear shapes of issue 10 (and a few found on the way), made at any size. */
export const hostileShapes: HostileShape[] = [
  { name: "'<img ' repeated", make: repeat('<img ') },
  { name: "'<a ' repeated", make: repeat('<a ') },
  {
    name: "'<a target=_blank ' repeated",
    make: repeat('<a target=_blank '),
    skip: ['preview render', 'preview blocks'],
  },
  { name: "'<img a=\"' + '>' repeated", make: repeat('<img a=">') },
  { name: "'[' repeated (one line)", make: repeat('[') },
  { name: "'[](x' repeated", make: repeat('[](x') },
  { name: "'![](' repeated", make: repeat('![](') },
  { name: "'<!--' repeated", make: repeat('<!--') },
  { name: "'<a-' repeated", make: repeat('<a-') },
  { name: "' style=\"' repeated", make: repeat(' style="') },
  { name: "'Ã©' mojibake repeated", make: repeat('Ã©â€') },
  { name: "'>' nested quotes", make: repeat('>') },
  { name: 'nested list indentation', make: nestedList },
  { name: 'lines of text', make: repeat('line of text\n') },
  { name: "'*a' emphasis", make: repeat('*a'), skip: ['preview render', 'preview blocks'] },
];

/** Random tag soup: the pieces the scanners react to, glued in any order. */
export const tagSoup = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '/',
        '=',
        '"',
        "'",
        ' ',
        '\n',
        '\t',
        '`',
        '!',
        '[',
        ']',
        '(',
        ')',
        '-',
        '_',
        '*',
        '<img',
        '<IMG ',
        '<a ',
        '<a',
        '</a>',
        '<div>',
        '</div>',
        '<br/>',
        '<my-el',
        '<!--',
        '-->',
        'alt',
        'src',
        'href',
        'rel',
        'target',
        '_blank',
        'style',
        'x',
        'y.png',
        'noopener',
        '\u00a0',
        '](',
        '![',
        '](<',
        'a.jpg',
        ' "t"',
        'width:1',
        ';',
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));
