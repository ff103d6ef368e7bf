/**
 * The contract's model: the data that crosses between the renderer and the hosts (sites, posts,
 * revisions, images, backups, events' payloads). Types only, but for two constants the UI needs.
 */
/** The kind of a post's body, which chooses the editor mode and the preview renderer. */
export type BodyKind = 'markdown' | 'html';

/** The syntax of a post's front matter block. */
export type FrontMatterFormat = 'yaml' | 'toml' | 'json';

/** Which static-site generator a folder was recognised as. */
export type Generator = 'hugo' | 'jekyll' | 'eleventy' | 'astro' | 'configured' | 'plain';

/** What a read saw of a file: a save quoting a stale revision is refused as a conflict. */
export interface Revision {
  mtimeMs: number;
  size: number;
  sha256: string;
}

/** The open site as the library detected it. */
export interface SiteInfo {
  /** Absolute real path of the site root (shown to the user, never sent back as an id). */
  root: string;
  name: string;
  generator: Generator;
  /** Site-relative folders that hold posts. */
  contentDirs: string[];
  /** Site-relative folder whose files are served at the site root (`static` for Hugo), or null. */
  staticDir: string | null;
  /** A message for the user about how the folder was understood, when it deserves one. */
  notice: string | null;
  /** One line telling the user what was detected, e.g. "Hugo site: posts in content/, files in static/". */
  detected: string;
  /** Sections a new post can go to (site-relative folder names below the first content folder). */
  sections: string[];
  /** Site-relative folders never listed (output, includes, layouts, data); absent: the root's output folders. */
  skipDirs?: string[];
  /** Site-relative folders whose files are listed when they open with front matter (Jekyll's pages at the root). */
  pageDirs?: string[];
  /** Where deleted posts go: the platform's trash, or the site's `.postdesk-trash/` folder. */
  trash: 'system' | 'folder';
  /** True when the host can show a post's file in the platform's file manager. */
  canReveal: boolean;
}

/** One row of the post list, built from the front matter header only. */
export interface PostSummary {
  /** Site-relative path with forward slashes: the post's identity everywhere. */
  id: string;
  title: string;
  date: string | null;
  lastmod: string | null;
  /** Hugo's `publishDate` (or `pubDate`), when the header names one. */
  publishDate: string | null;
  draft: boolean;
  authors: string[];
  tags: string[];
  categories: string[];
  section: string;
  bodyKind: BodyKind;
  format: FrontMatterFormat | null;
  /** A parse problem of the front matter, naming the line when known. */
  error: string | null;
  /** The 1-based file line of that problem, when known. */
  errorLine: number | null;
  mtimeMs: number;
  size: number;
  /**
   * How many problems every check of the post found (content checks and the site's front matter
   * schema), or null/absent while the post has not been checked yet.
   */
  problems?: number | null;
  /** The text of the post's first problem, when it has one. */
  firstProblem?: string | null;
  /** Set when the post was not checked: its checks ran past their time budget. */
  notChecked?: 'too-slow' | null;
}

/** A post as read from disk: its whole text and the revision it was read at. */
export interface PostDocument {
  id: string;
  text: string;
  revision: Revision;
  bodyKind: BodyKind;
  /**
   * Why this file cannot be edited safely (binary, invalid UTF-8, too large), or null. Such a file
   * opens raw and read-only; `savePost` refuses it unless forced.
   */
  readOnly: string | null;
  /** True when `text` holds only the beginning of a file too large to show whole. */
  truncated: boolean;
}

/** A post moved into the site's `.postdesk-trash/` folder, which `restorePost` can bring back. */
export interface TrashEntry {
  /** The trash item's identity (a folder name inside `.postdesk-trash/`). */
  trashId: string;
  /** The id the post had before it was deleted (where `restorePost` puts it back). */
  originalId: string;
  title: string;
  /** ISO time of the deletion. */
  deletedAt: string;
  /** True when a whole page bundle folder was deleted with the post. */
  bundle: boolean;
}

/** What deleting a post did: moved it to the platform trash, or into the site's trash folder. */
export interface DeleteResult {
  id: string;
  trash: 'system' | 'folder';
  /** The entry in `listTrash` when the site's folder was used, else null. */
  trashId: string | null;
}

/** Progress of building the post index: `done` of `total` files read. */
export interface IndexProgressEvent {
  done: number;
  total: number;
}

/** What the background checks found in one post: how many problems, and the first one's text. */
export interface PostProblemCount {
  id: string;
  count: number;
  first: string | null;
  /** Set when the post was not checked: its checks ran past their time budget. */
  notChecked?: 'too-slow';
}

/** Pushed as the library checks posts in the background (and again when a post changes). */
export interface PostProblemsEvent {
  problems: PostProblemCount[];
}

/** The kind of input a front matter field asks for, as a site schema names it. */
export type SchemaFieldType =
  | 'string'
  | 'text'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'number'
  | 'tags'
  | 'choice'
  | 'fields'
  | 'list'
  | 'json';

/** One front matter field as a site's schema describes it (postdesk.config.json or frontmatter.json). */
export interface SchemaField {
  name: string;
  type: SchemaFieldType | null;
  /** A label shown beside the key (the key stays the input's accessible name). */
  label: string | null;
  required: boolean;
  /** The value a new field (or a new post) starts with; undefined when none is given. */
  default?: unknown;
  /** For `choice` fields: the values offered. */
  choices: string[];
  hidden: boolean;
}

/** What the open site says about front matter: refined fields and the modified-date rule. */
export interface SiteSchema {
  fields: SchemaField[];
  /** The key set to the save time when a changed post is saved, or null when the site does not ask. */
  autoUpdateField: string | null;
  /** The site-relative files the schema was read from. */
  sources: string[];
  /** Problems reading those files, for the user. */
  problems: string[];
}

/** What a successful save answers. */
export interface SaveResult {
  id: string;
  revision: Revision;
}

/** Why an event about a post was sent. */
export type PostChangeKind = 'added' | 'changed' | 'removed';

/** Pushed when a post file changes on disk by anyone but this app's own saves. */
export interface PostChangedEvent {
  id: string;
  kind: PostChangeKind;
  summary: PostSummary | null;
}

/** What the preview takes from the site's postdesk.config.json. */
export interface PreviewSettings {
  /** Site-relative id of the stylesheet that styles the preview like the site, or null. */
  stylesheet: string | null;
}

/** The image types Postdesk can add to a site, recognised from their bytes. */
export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg';

/** Images larger than this many bytes are only added when the call says `confirmLarge`. */
export const imageSizeLimit = 10 * 1024 * 1024;

/** What adding an image to a post answers: where the file went and the URL to write in the post. */
export interface ImportedImage {
  /** Site-relative id of the new file. */
  id: string;
  /** The URL to write in the post: a site-root path (`/images/...`) or, for page bundles, the file name. */
  url: string;
  type: ImageType;
  size: number;
  width: number | null;
  height: number | null;
}

/** One image of the site, as the media panel and the image picker show it. */
export interface SiteImage {
  /** Site-relative id of the file. */
  id: string;
  /** The site-root URL (`/images/...`) when the file is in the static folder, else null. */
  url: string | null;
  type: ImageType;
  size: number;
  width: number | null;
  height: number | null;
  mtimeMs: number;
  /** Ids of the posts whose body or front matter refers to this image. */
  usedBy: string[];
}

/** An unsaved buffer kept in the user-data folder, offered back after a crash. */
export interface BackupEntry {
  /** The post the buffer belongs to (site-relative). */
  id: string;
  /** The whole text of the buffer when it was backed up. */
  text: string;
  /** The text of the file on disk now, or null when the file is gone. */
  diskText: string | null;
  /** When the backup was written (ISO 8601). */
  savedAt: string;
}

/** The commands the native menu sends to the renderer (executed by its command registry). */
export const menuCommands = [
  'post.new',
  'post.save',
  'post.close',
  'post.reveal',
  'edit.find',
  'edit.replace',
  'view.togglePreview',
  'view.toggleForm',
  'theme.system',
  'theme.light',
  'theme.dark',
  'palette.commands',
  'palette.quickOpen',
] as const;

/** One of the commands the native menu can send. */
export type MenuCommand = (typeof menuCommands)[number];

/** Pushed when the native menu chose a command the renderer carries out. */
export interface MenuCommandEvent {
  command: MenuCommand;
}

/** Why the main process asks the renderer whether unsaved work may be left. */
export type CloseReason = 'close-window' | 'switch-site';

/** Pushed when the main process wants to close the window or switch site: answer with `confirmClose`. */
export interface CloseRequestedEvent {
  requestId: number;
  reason: CloseReason;
}

/** Pushed when the library opened a site (at start, from the menu, or from a second launch). */
export interface SiteOpenedEvent {
  site: SiteInfo;
}
