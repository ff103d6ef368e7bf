/**
 * A child process for the fault-injection tests, bundled by the test with esbuild:
 * `loop <root> <id>` saves the two texts of `faultTexts` over post `id` in turn until killed;
 * `once <root> <id> <text>` saves once and prints the outcome as JSON.
 */
import { PostStore } from '../../../../electron/library/post-store';
import { faultTexts } from './fault-texts';

async function main(): Promise<void> {
  const [mode, root, id, text] = process.argv.slice(2);
  if (!mode || !root || !id) throw new Error('usage: loop|once <root> <id> [text]');
  const store = new PostStore(root);
  if (mode === 'loop') {
    process.stdout.write('ready\n');
    for (let turn = 1; ; turn++) await store.save(id, faultTexts[turn % 2] ?? '', null, true);
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
