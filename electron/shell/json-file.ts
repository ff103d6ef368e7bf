import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../library/atomic-write';

/** Reads a small JSON file of the user-data folder; null when it is missing or not JSON. */
export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch {
    // Missing or malformed settings file: the caller starts from its defaults.
    return null;
  }
}

/** Writes a small JSON file of the user-data folder atomically, creating its folder. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
