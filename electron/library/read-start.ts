import { promises as fs } from 'node:fs';

/** Reads at most the first `length` bytes of a file (fewer when it is shorter). */
export async function readStart(file: string, length: number): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
