import type { ConformanceCase } from './harness';

// Generated equivalents of the toml-test valid cases (no npm package ships that suite): every value
// form of TOML 1.0 (and the 1.1 forms smol-toml reads) placed in every kind of table, plus the
// structural cases (implied and super tables, dotted keys, arrays of tables, quoted keys, comments).

const values: [string, string][] = [
  ['string-basic', '"hello"'],
  ['string-empty', '""'],
  ['string-escapes', '"tab\\there \\"quoted\\" \\\\ \\u00e9 \\U0001F600"'],
  ['string-literal', "'C:\\Users\\nodejs'"],
  ['string-literal-empty', "''"],
  ['string-multiline', '"""\nRoses are red\nViolets are blue"""'],
  ['string-multiline-trim', '"""\\\n    The quick \\\n    brown fox."""'],
  ['string-multiline-quotes', '""""Quoted" text"""'],
  ['string-literal-multiline', "'''\nThe first newline is\ntrimmed in raw strings.\n'''"],
  ['string-unicode', '"日本語 ünïcödé"'],
  ['integer', '42'],
  ['integer-signed', '-17'],
  ['integer-plus', '+99'],
  ['integer-zero', '0'],
  ['integer-underscore', '1_000_000'],
  ['integer-hex', '0xDEADBEEF'],
  ['integer-oct', '0o755'],
  ['integer-bin', '0b1101'],
  ['float', '3.1415'],
  ['float-exponent', '5e+22'],
  ['float-neg-exponent', '-2E-2'],
  ['float-both', '6.626e-34'],
  ['float-underscore', '224_617.445_991'],
  ['float-inf', 'inf'],
  ['float-neg-inf', '-inf'],
  ['float-nan', 'nan'],
  ['float-neg-zero', '-0.0'],
  ['bool-true', 'true'],
  ['bool-false', 'false'],
  ['datetime-offset', '1979-05-27T07:32:00Z'],
  ['datetime-offset-frac', '1979-05-27T00:32:00.999999-07:00'],
  ['datetime-space', '1979-05-27 07:32:00Z'],
  ['datetime-local', '1979-05-27T07:32:00'],
  ['date-local', '1979-05-27'],
  ['time-local', '07:32:00'],
  ['time-local-frac', '00:32:00.999999'],
  ['array-ints', '[ 1, 2, 3 ]'],
  ['array-empty', '[]'],
  ['array-mixed', '[ "a", 1, 2.5, true ]'],
  ['array-nested', '[ [ 1, 2 ], ["a", "b"] ]'],
  ['array-multiline', '[\n  1,\n  2, # a comment\n  3,\n]'],
  ['array-of-inline-tables', '[ { x = 1 }, { x = 2 } ]'],
  ['array-dates', '[ 1979-05-27, 1980-01-01 ]'],
  ['inline-table', '{ first = "Tom", last = "Preston-Werner" }'],
  ['inline-table-empty', '{}'],
  ['inline-table-nested', '{ a = { b = 1 } }'],
  ['inline-table-dotted', '{ type.name = "pug" }'],
  // TOML 1.1
  ['string-escape-e', '"\\e[0m"'],
  ['string-escape-x', '"\\x41\\xe9"'],
  ['time-no-seconds', '07:32'],
  ['datetime-no-seconds', '1979-05-27T07:32Z'],
  ['inline-table-multiline', '{\n  b = 1, # one\n  c = 2,\n}'],
];

const keys = ['key', '"quoted key"', "'literal key'", 'bare-key_1', '1234'];

const structural: [string, string][] = [
  ['table-implied-parent', '[menu.main]\nweight = 1\nparent = "docs"\n'],
  ['table-super-after-sub', '[x.y.z.w]\na = 1\n[x]\nb = 2\n'],
  ['table-whitespace', '[ a . b . c ]\nd = 1\n'],
  ['table-quoted', '[dog."tater.man"]\ntype.name = "pug"\n'],
  ['table-empty', '[empty]\n'],
  ['table-sub-empty', '[a]\n[a.b]\n'],
  ['table-no-eol', 'title = "x"\n[t]\nk = 1'],
  [
    'dotted-keys',
    'name = "Orange"\nphysical.color = "orange"\nphysical.shape = "round"\nsite."google.com" = true\n',
  ],
  ['dotted-spaces', 'fruit . flavor = "banana"\n'],
  ['dotted-then-table', 'a.b.c = 1\n[a.d]\ne = 2\n'],
  ['dotted-in-table', '[fruit]\napple.color = "red"\napple.taste.sweet = true\n'],
  [
    'array-of-tables',
    '[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]\n\n[[products]]\nname = "Nail"\ncolor = "gray"\n',
  ],
  [
    'array-of-tables-nested',
    '[[fruits]]\nname = "apple"\n[fruits.physical]\ncolor = "red"\n[[fruits.varieties]]\nname = "red delicious"\n[[fruits]]\nname = "banana"\n[[fruits.varieties]]\nname = "plantain"\n',
  ],
  ['array-of-tables-implied', '[[a.b]]\nx = 1\n[[a.b]]\nx = 2\n'],
  [
    'comments-everywhere',
    '# top\nkey = "v" # trailing\n# between\n[t] # header comment\n# inside\nk = 1 # end\n',
  ],
  ['key-empty-quoted', '"" = "blank"\n'],
  ['key-unicode-quoted', '"ʎǝʞ" = "value"\n'],
  ['key-numeric-dotted', '3.14159 = "pi"\n'],
  ['key-case', 'abc = 1\nABC = 2\n'],
  ['crlf', 'title = "a"\r\n[t]\r\nk = 1\r\n'],
  ['whitespace-around', '  key   =   "v"  \n\t[t]\t\n\tk\t=\t1\n'],
  ['empty', ''],
  ['only-comments', '# nothing\n# here\n'],
  [
    'hugo-page',
    'title = "Functions"\ndate = 2023-01-01T00:00:00Z\ndraft = false\ntags = ["a", "b"]\n[menu.docs]\nparent = "functions"\nweight = 10\n[params]\nkeywords = []\n',
  ],
  ['zola-page', 'title = "Post"\ndate = 2020-01-01\n[taxonomies]\ntags = ["rust"]\n[extra]\ntoc = true\n'],
  ['long-string', `s = "${'word '.repeat(200).trim()}"\n`],
  ['big-integer', 'big = 9223372036854775807\nsmall = -9223372036854775808\n'],
];

/** The TOML cases: each value form under each key shape at the root, in a table, dotted, in an array of tables; then the structural ones. */
export function tomlCases(): ConformanceCase[] {
  const cases: ConformanceCase[] = [];
  for (const [name, value] of values) {
    keys.forEach((key, index) => cases.push({ id: `${name}/key-${index}`, text: `${key} = ${value}\n` }));
    cases.push({ id: `${name}/table`, text: `title = "t"\n\n[section]\nkey = ${value}\nafter = 1\n` });
    cases.push({ id: `${name}/implied`, text: `[menu.main]\nkey = ${value}\n` });
    cases.push({ id: `${name}/dotted`, text: `a.b.key = ${value}\na.c = 2\n` });
    cases.push({ id: `${name}/array-of-tables`, text: `[[items]]\nkey = ${value}\n[[items]]\nkey = 1\n` });
    cases.push({ id: `${name}/inline`, text: `t = { key = ${value.includes('\n') ? '1' : value} }\n` });
  }
  for (const [name, text] of structural) cases.push({ id: name, text });
  return cases;
}
