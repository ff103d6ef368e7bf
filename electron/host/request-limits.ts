import type http from 'node:http';

/** The largest body an image import may send (50 MB of image as base64, plus its JSON). */
export const imageBodyLimit = Math.ceil((50 * 1024 * 1024) / 3) * 4 + 1024 * 1024;
/** The largest body a save or a backup may send (the whole post as JSON). */
export const textBodyLimit = 80 * 1024 * 1024;
/** The largest body of every other method. */
export const smallBodyLimit = 2 * 1024 * 1024;
/** How many requests with a body over `smallBodyLimit` may be read at once. */
export const maxLargeRequests = 2;

const textMethods = new Set(['savePost', 'backupBuffer']);

/** The body size limit of contract method `name`: the image import's, a post's, or the small one. */
export function bodyLimitFor(name: string): number {
  if (name === 'importImage') return imageBodyLimit;
  if (textMethods.has(name)) return textBodyLimit;
  return smallBodyLimit;
}

/** Why a body was not read: too large for its method (413), or too many large bodies at once (503). */
export class BodyRefused extends Error {
  constructor(
    readonly status: 413 | 503,
    message: string,
  ) {
    super(message);
  }
}

/** Counts the large bodies being read; `tryTake` refuses once `maxLargeRequests` are. */
export class LargeRequestSlots {
  private taken = 0;

  constructor(private readonly max = maxLargeRequests) {}

  /** Takes a slot, or answers false when all are taken. */
  tryTake(): boolean {
    if (this.taken >= this.max) return false;
    this.taken += 1;
    return true;
  }

  /** Gives a slot back. */
  release(): void {
    this.taken = Math.max(0, this.taken - 1);
  }
}

function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Reads a request body as a stream, enforcing `limit` while it arrives (a declared Content-Length
 * over it is refused before reading) and taking a large-request slot once the body passes the small
 * limit; throws BodyRefused with a message for the user, and never buffers more than `limit`.
 */
export async function readLimitedBody(
  request: http.IncomingMessage,
  name: string,
  slots: LargeRequestSlots,
): Promise<string> {
  const limit = bodyLimitFor(name);
  const tooLarge = (): BodyRefused =>
    new BodyRefused(413, `The request is too large: ${name} accepts at most ${megabytes(limit)}.`);
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  let large = false;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw tooLarge();
      if (!large && size > smallBodyLimit) {
        if (!slots.tryTake()) {
          throw new BodyRefused(503, 'Postdesk is busy with other large requests; try again in a moment.');
        }
        large = true;
      }
      chunks.push(chunk);
    }
  } finally {
    if (large) slots.release();
  }
  return Buffer.concat(chunks).toString('utf8');
}
