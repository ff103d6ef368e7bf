/** The error codes a contract call can fail with; the renderer branches on these, never on messages. */
export const errorCodes = [
  'invalid-argument',
  'unknown-method',
  'path-refused',
  'not-found',
  'conflict',
  'exists',
  'no-site',
  'io',
  /** The host refused the caller (a foreign sender, a bad token, a cross-origin page). */
  'forbidden',
  /** This host cannot do it (a desktop-only method in browser mode). */
  'unsupported',
  /** The call never got a proper answer: the network failed, or the host answered no Outcome. */
  'transport',
  'internal',
] as const;

/** One of the contract's error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** An error that crosses the bridge with a stable code and a message meant for the user. */
export class PostdeskError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PostdeskError';
    this.code = code;
  }
}

/** True when `value` is a PostdeskError with the given code (or any code when none is given). */
export function isPostdeskError(value: unknown, code?: ErrorCode): value is PostdeskError {
  return value instanceof PostdeskError && (code === undefined || value.code === code);
}
