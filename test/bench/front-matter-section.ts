import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseHeader } from '../../electron/library/front-matter-data';
import type { FrontMatterFormat } from '../../shared/api';
import { readFrontMatter, setIn, writeFrontMatter } from '../../shared/post/front-matter/front-matter-edit';
import { median, ms, type BenchContext, type BenchSection } from './bench-section';
import { seededRandom } from './generate-site';
import { timeIndexInProcess } from './index-section';

/** A YAML block shaped like the largest pages of a big Hugo docs site: menus, aliases, keywords, resources, a long summary. */
export function largeYamlBlock(): string {
  const lines = [
    'title: "resources.GetRemote: fetch a remote resource"',
    'linkTitle: resources.GetRemote',
    'description: Returns a remote resource from the given URL, or nil if none found.',
    'categories: [functions]',
    'keywords: [remote, resource, fetch, http, cache, headers, json, xml, images]',
    'date: 2023-01-01T00:00:00-08:00',
    'lastmod: "2024-06-12"',
    'menu:',
    '  docs:',
    '    parent: resources-functions',
    '    weight: 40',
    'weight: 40',
    'toc: true',
    'action:',
    '  aliases: [getRemote]',
    '  related:',
    ...Array.from({ length: 40 }, (_, index) => `    - functions/resources/Related${index}`),
    '  returns: resource.Resource',
    '  signatures: ["resources.GetRemote URL [OPTIONS]"]',
    'aliases:',
    ...Array.from({ length: 60 }, (_, index) => `  - /functions/old-path-${index}/`),
    'resources:',
    ...Array.from({ length: 80 }, (_, index) => [
      `  - src: "images/example-${index}.jpg"`,
      `    name: "example ${index}"`,
      '    params:',
      `      credits: "Photo ${index} by someone, licensed CC-BY"`,
      `      alt: 'An example picture, number ${index}'`,
    ]).flat(),
    'summary: |',
    ...Array.from(
      { length: 120 },
      (_, index) => `  Line ${index} of a long summary, with text that wraps like real prose does.`,
    ),
    '# a trailing comment',
  ];
  return `${lines.join('\n')}\n`;
}

/** The same page as TOML, with [menu.docs] under an implied parent and dotted keys. */
export function largeTomlBlock(): string {
  const lines = [
    'title = "resources.GetRemote: fetch a remote resource"',
    "linkTitle = 'resources.GetRemote'",
    'description = "Returns a remote resource from the given URL, or nil if none found."',
    'categories = ["functions"]',
    'keywords = ["remote", "resource", "fetch", "http", "cache", "headers", "json", "xml", "images"]',
    'date = 2023-01-01T00:00:00-08:00',
    'lastmod = "2024-06-12"',
    'weight = 40',
    'toc = true',
    'build.list = "always"',
    'build.render = "always"',
    `aliases = [\n${Array.from({ length: 60 }, (_, index) => `  "/functions/old-path-${index}/",`).join('\n')}\n]`,
    'summary = """',
    ...Array.from(
      { length: 120 },
      (_, index) => `Line ${index} of a long summary, with text that wraps like real prose does.`,
    ),
    '"""',
    '',
    '[menu.docs]',
    'parent = "resources-functions"',
    'weight = 40',
    '',
    '[action]',
    'aliases = ["getRemote"]',
    `related = [${Array.from({ length: 40 }, (_, index) => `"functions/resources/Related${index}"`).join(', ')}]`,
    'returns = "resource.Resource"',
    ...Array.from({ length: 80 }, (_, index) => [
      '',
      '[[resources]]',
      `src = "images/example-${index}.jpg"`,
      `name = "example ${index}"`,
      `params.credits = "Photo ${index} by someone, licensed CC-BY"`,
      `params.alt = 'An example picture, number ${index}'`,
    ]).flat(),
  ];
  return `${lines.join('\n')}\n`;
}

function timeMicros(repeat: number, once: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < repeat; run++) {
    const started = performance.now();
    once();
    times.push(performance.now() - started);
  }
  return median(times) * 1000;
}

// Sections named like those of the real corpora: a multilingual docs site, a project site, a blog.
const sections = [
  'content/en/functions/resources',
  'content/en/functions/strings',
  'content/en/functions/collections',
  'content/en/methods/page',
  'content/en/methods/site',
  'content/en/content-management',
  'content/en/templates',
  'content/en/docs/getting-started',
  'content/en/docs/hosting-and-deployment',
  'content/en/docs/contribute',
  'content/en/blog/2023',
  'content/en/blog/2024',
  'content/en/news',
  'content/fr/docs/getting-started',
  'content/en/showcase',
];

/**
 * Writes a Hugo site of `count` posts under nested sections named like real ones, each with its
 * `_index.md`, a tenth as page bundles; front matter 70% YAML, 25% TOML (with [menu.main] and dotted
 * keys), 5% JSON. Answers how many post files it wrote.
 */
export async function generateCorpusSite(root: string, count: number, seed = 20261202): Promise<number> {
  const random = seededRandom(seed);
  await writeFile(
    path.join(root, 'hugo.toml'),
    'baseURL = "https://example.org/"\ntitle = "Corpus-shaped"\n',
  );
  const files: Array<[string, string]> = [];
  for (const section of sections) {
    await mkdir(path.join(root, section), { recursive: true });
    files.push([path.join(root, section, '_index.md'), `---\ntitle: ${path.basename(section)}\n---\n`]);
  }
  for (let index = files.length; index < count; index++) {
    const section = sections[Math.floor(random() * sections.length)]!;
    const name = `page-${String(index).padStart(5, '0')}`;
    const bundle = random() < 0.1;
    const file = bundle ? path.join(root, section, name, 'index.md') : path.join(root, section, `${name}.md`);
    const kind = random();
    const title = `${path.basename(section)} ${index}: a page`;
    let header: string;
    if (kind < 0.7) {
      header = `---\ntitle: "${title}"\ndate: 2023-0${1 + (index % 9)}-1${index % 10}\nkeywords: [a, b]\nmenu:\n  docs:\n    parent: ${path.basename(section)}\n    weight: ${index % 100}\n---\n`;
    } else if (kind < 0.95) {
      header = `+++\ntitle = "${title}"\ndate = 2023-01-01T00:00:00Z\nbuild.list = "always"\n[menu.main]\nparent = "${path.basename(section)}"\nweight = ${index % 100}\n+++\n`;
    } else {
      header = `{\n  "title": "${title}",\n  "date": "2023-01-01"\n}\n`;
    }
    files.push([file, `${header}\nSome body text for page ${index}.\n`]);
  }
  for (let start = 0; start < files.length; start += 200) {
    await Promise.all(
      files.slice(start, start + 200).map(async ([file, text]) => {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(file, text);
      }),
    );
  }
  return files.length;
}

function parseFigures(format: FrontMatterFormat, raw: string, print: (line: string) => void): void {
  const fence = format === 'yaml' ? '---' : '+++';
  const header = `${fence}\n${raw}`;
  const read = readFrontMatter(raw, format);
  if (!read.ok) throw new Error(`the ${format} fixture does not read: ${read.error}`);
  const edited = setIn(read.data, ['title'], 'An edited title');
  const editor = timeMicros(200, () => readFrontMatter(raw, format));
  const index = timeMicros(200, () => parseHeader(header, format, fence.length + 1));
  const edit = timeMicros(200, () => writeFrontMatter(raw, format, edited));
  print(
    `${format.toUpperCase()} block of ${(raw.length / 1024).toFixed(1)} KB (${raw.split('\n').length} lines): ` +
      `editor read ${editor.toFixed(0)} µs, index read ${index.toFixed(0)} µs, one-scalar edit ${edit.toFixed(0)} µs (medians of 200)`,
  );
}

/** Issue 18's real-corpus shapes: the parse of the largest real-shaped block, and the index of a nested 10,000-post site. */
export const frontMatterSection: BenchSection = {
  name: 'Front matter on real-corpus shapes: the largest block, and a nested 10,000-post site',
  async run(context: BenchContext) {
    parseFigures('yaml', largeYamlBlock(), context.print);
    parseFigures('toml', largeTomlBlock(), context.print);
    const root = path.join(context.workDir, 'corpus-10000');
    await mkdir(root, { recursive: true });
    const written = await generateCorpusSite(root, 10000);
    const first = await timeIndexInProcess(root, false);
    const times: number[] = [];
    for (let run = 0; run < 3; run++) times.push((await timeIndexInProcess(root, false)).ms);
    context.print(
      `nested 10,000-post site (${sections.length} sections like content/en/functions/resources, docs/, blog/): ` +
        `index ready in ${ms(median(times))} (median of 3, first ${ms(first.ms)}); ${first.posts} of ${written} files listed`,
    );
    if (context.hugo) {
      const { spawnSync } = await import('node:child_process');
      const started = performance.now();
      const hugo = spawnSync(context.hugo, ['list', 'all', '--quiet'], { cwd: root, encoding: 'utf8' });
      const hugoMs = performance.now() - started;
      const listed = Math.max(0, (hugo.stdout ?? '').trim().split('\n').length - 1);
      context.print(
        `  hugo list all: ${ms(hugoMs)}, ${listed} pages; ratio index/hugo ${(median(times) / hugoMs).toFixed(2)}x`,
      );
    }
  },
};
