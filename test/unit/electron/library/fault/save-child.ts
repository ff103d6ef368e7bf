/**
 * A child process for the fault-injection tests, bundled by the test with esbuild:
 * `loop <root> <id>` saves the two texts of `faultTexts` over post `id` in turn until killed, printing
 * `start` before and `end` after each save (stdout is a pipe, written synchronously on Linux, so the
 * last marker says whether a kill landed inside a write); `naive-loop <root> <id>` does the same with
 * a deliberately non-atomic writer (truncate, then write in small chunks): the positive control that
 * must tear; `once <root> <id> <text>` saves once and prints the outcome as JSON.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PostStore } from '../../../../../electron/library/post-store';
import { faultTexts } from './fault-texts';

/** Writes `text` over `file` in place, 4 KB at a time: what a save must never do. */
function naiveWrite(file: string, text: string): void {
  const bytes = Buffer.from(text);
  const fd = openSync(file, 'w');
  try {
    for (let at = 0; at < bytes.length; at += 4096) writeSync(fd, bytes.subarray(at, at + 4096));
  } finally {
    closeSync(fd);
  }
}

async function main(): Promise<void> {
  const [mode, root, id, text] = process.argv.slice(2);
  if (!mode || !root || !id) throw new Error('usage: loop|once <root> <id> [text]');
  const store = new PostStore(root);
  if (mode === 'loop') {
    process.stdout.write('ready\n');
    for (let turn = 1; ; turn++) {
      process.stdout.write('start\n');
      await store.save(id, faultTexts[turn % 2] ?? '', null, true);
      process.stdout.write('end\n');
    }
  }
  if (mode === 'naive-loop') {
    process.stdout.write('ready\n');
    for (let turn = 1; ; turn++) {
      process.stdout.write('start\n');
      naiveWrite(path.join(root, id), faultTexts[turn % 2] ?? '');
      process.stdout.write('end\n');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  try {
    await store.save(id, text ?? '', null);
    process.stdout.write(JSON.stringify({ ok: true }));
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    process.stdout.write(JSON.stringify({ ok: false, code, message }));
  }
}

void main();
