import path from 'node:path';
import { readJsonFile, writeJsonFile } from './json-file';

/** How many sites File > Open Recent keeps. */
export const maxRecentSites = 10;

/** The recently opened sites, most recent first, kept in `recent-sites.json` of the user-data folder. */
export class RecentSites {
  private sites: string[] = [];
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = path.join(userDataDir, 'recent-sites.json');
  }

  /** Reads the list from disk (an unreadable file counts as empty). */
  async load(): Promise<string[]> {
    const value = await readJsonFile(this.file);
    this.sites = Array.isArray(value)
      ? value.filter((entry): entry is string => typeof entry === 'string' && path.isAbsolute(entry))
      : [];
    this.sites = this.sites.slice(0, maxRecentSites);
    return this.list();
  }

  /** The sites, most recent first. */
  list(): string[] {
    return [...this.sites];
  }

  /** Puts `root` first (once), trims the list and saves it. */
  async add(root: string): Promise<string[]> {
    this.sites = [root, ...this.sites.filter((entry) => entry !== root)].slice(0, maxRecentSites);
    await writeJsonFile(this.file, this.sites);
    return this.list();
  }

  /** Forgets every site. */
  async clear(): Promise<void> {
    this.sites = [];
    await writeJsonFile(this.file, this.sites);
  }
}
