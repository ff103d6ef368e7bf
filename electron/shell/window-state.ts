import path from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

/** A rectangle on the screen, in device-independent pixels. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size and position of the window, and whether it was maximized. */
export interface WindowState {
  bounds: Bounds;
  maximized: boolean;
}

/** The size of a first window. */
export const defaultWindowSize = { width: 1280, height: 820 };
const minimumSize = { width: 480, height: 360 };

/** Where the window state lives in the user-data folder. */
export function windowStateFile(userDataDir: string): string {
  return path.join(userDataDir, 'window-state.json');
}

/**
 * Reads the saved window state; null when there is none, it is malformed, or it would not be
 * visible on any of today's displays (a monitor was unplugged): the window then opens centred.
 */
export async function loadWindowState(
  file: string,
  workAreas: readonly Bounds[],
): Promise<WindowState | null> {
  const value = (await readJsonFile(file)) as Partial<WindowState> | null;
  const bounds = value?.bounds;
  if (!bounds || ![bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite)) return null;
  if (bounds.width < minimumSize.width || bounds.height < minimumSize.height) return null;
  if (!workAreas.some((area) => overlaps(area, bounds))) return null;
  return { bounds, maximized: value?.maximized === true };
}

/** Saves the window state. */
export async function saveWindowState(file: string, state: WindowState): Promise<void> {
  await writeJsonFile(file, state);
}

function overlaps(area: Bounds, bounds: Bounds): boolean {
  const visibleWidth = Math.min(area.x + area.width, bounds.x + bounds.width) - Math.max(area.x, bounds.x);
  const visibleHeight = Math.min(area.y + area.height, bounds.y + bounds.height) - Math.max(area.y, bounds.y);
  return visibleWidth >= 100 && visibleHeight >= 50;
}
