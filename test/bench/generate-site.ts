import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** A small seeded random generator (mulberry32), so every bench run builds the same site. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (
  'the a of to and in is it that for on with as was at by this be from or an are not but have you ' +
  'static site blog post hugo markdown writer editor theme layout page image photo travel city morning ' +
  'coffee garden river mountain winter summer light code build deploy server cache folder file note ' +
  'review guide story idea draft letter week year journey market street window book music film recipe ' +
  'bread kitchen family friend walk train station bridge harbour island festival museum library school'
).split(' ');
const authors = ['Ana Lima', 'Jane Doe', 'Rui Costa', 'Mei Chen', 'Omar Haddad', 'Lena Vogel'];
const tags = ['travel', 'food', 'hugo', 'writing', 'photos', 'notes', 'books', 'music', 'code', 'life'];

function pick<T>(random: () => number, items: T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function sentence(random: () => number, length: number): string {
  const picked = Array.from({ length }, () => pick(random, words));
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function body(random: () => number, html: boolean): string {
  const target = 300 + Math.floor(random() * 1200);
  const parts: string[] = [];
  let count = 0;
  while (count < target) {
    const length = 40 + Math.floor(random() * 80);
    const paragraph = Array.from({ length: Math.ceil(length / 12) }, () => sentence(random, 12)).join(' ');
    count += length;
    if (html) {
      parts.push(
        random() < 0.2
          ? `<p><img class="alignright" src="/images/${Math.floor(random() * 999)}.jpg" alt="${sentence(random, 3)}"></p>`
          : `<p>${paragraph} <a href="https://example.org/${pick(random, words)}">${pick(random, words)}</a></p>`,
      );
    } else {
      if (random() < 0.2) parts.push(`## ${sentence(random, 4)}`);
      parts.push(random() < 0.15 ? `- ${sentence(random, 6)}\n- ${sentence(random, 5)}` : paragraph);
    }
  }
  return `${parts.join('\n\n')}\n`;
}

/**
 * Writes a Hugo site of `count` posts shaped like real ones into `root`: quoted titles with colons,
 * `lastmod: "YYYY-MM-DD"`, an author, tags, about 10% drafts, raw-HTML (a third) and Markdown bodies
 * of 300-1,500 words. The same seed always gives the same site.
 */
export async function generateHugoSite(root: string, count: number, seed = 20261127): Promise<void> {
  const random = seededRandom(seed + count);
  await mkdir(path.join(root, 'content', 'posts'), { recursive: true });
  await mkdir(path.join(root, 'static'), { recursive: true });
  await writeFile(path.join(root, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Bench site"\n');
  const files: Array<[string, string]> = [];
  for (let index = 0; index < count; index++) {
    const year = 2010 + Math.floor(random() * 15);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const title = `${sentence(random, 3).slice(0, -1)}: ${sentence(random, 4).slice(0, -1).toLowerCase()} ${index}`;
    const postTags = Array.from(
      new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(random, tags))),
    );
    const html = random() < 0.33;
    const header = [
      '---',
      `title: "${title}"`,
      `date: ${year}-${month}-${day}T${String(Math.floor(random() * 24)).padStart(2, '0')}:00:00+00:00`,
      `lastmod: "${Math.min(year + 1, 2025)}-${month}-${day}"`,
      `author: "${pick(random, authors)}"`,
      `tags: [${postTags.map((tag) => `"${tag}"`).join(', ')}]`,
      ...(random() < 0.1 ? ['draft: true'] : []),
      '---',
    ].join('\n');
    files.push([
      path.join(root, 'content', 'posts', `post-${String(index).padStart(5, '0')}.md`),
      `${header}\n${body(random, html)}`,
    ]);
  }
  for (let start = 0; start < files.length; start += 200) {
    await Promise.all(files.slice(start, start + 200).map(([file, text]) => writeFile(file, text)));
  }
}
