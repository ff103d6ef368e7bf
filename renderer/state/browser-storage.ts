interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

/** The page's localStorage where there is one (not in plain Node, where the stores are unit tested). */
function browserStorage(): KeyValueStorage | undefined {
  try {
    return (globalThis as { localStorage?: KeyValueStorage }).localStorage;
  } catch {
    // Reading localStorage throws where storage is disabled (a sandboxed frame): treat it as absent.
    return undefined;
  }
}

/** The stored value of `key`, or null when there is none or storage is unavailable. */
export function readStorage(key: string): string | null {
  try {
    return browserStorage()?.getItem(key) ?? null;
  } catch {
    // Storage disabled or unreadable: as if nothing was saved.
    return null;
  }
}

/** Stores `value` under `key`; a full or disabled storage keeps the value for this session only. */
export function writeStorage(key: string, value: string): void {
  try {
    browserStorage()?.setItem(key, value);
  } catch {
    // Storage full or disabled: the choice simply lasts for this session.
  }
}
