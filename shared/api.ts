/**
 * THE contract between the renderer and the main process.
 *
 * Every method the renderer may call is one row of `methods`: its argument schema (validated at
 * runtime by both hosts through `dispatch`) and its result type. Every event the main process
 * pushes is one row of `events`. The preload (IPC) and the web host (HTTP + server-sent events)
 * are generated from these tables, so adding a method means adding a row here and a handler in
 * the library, and nothing else.
 */
import { z } from 'zod';
import { PostdeskError, errorCodes, type ErrorCode } from './errors';
import { gitEvents, gitMethods } from './api-git';
import { searchEvents, searchMethods } from './api-search';
import { sitePreviewEvents, sitePreviewMethods } from './api-site-preview';

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

const maxPathLength = 4096;
const maxTextLength = 64 * 1024 * 1024;
const maxImageBase64 = Math.ceil((50 * 1024 * 1024) / 3) * 4;

/** A site-relative path as it may cross the bridge; the library still resolves it inside the root. */
export const SitePath = z
  .string()
  .min(1, 'a path is required')
  .max(maxPathLength, 'the path is too long')
  .refine((value) => !value.includes('\0'), 'the path holds a NUL byte');

const RevisionSchema = z
  .object({
    mtimeMs: z.number().finite(),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'not a sha256 digest'),
  })
  .strict();

const returns = <T>(): T => undefined as unknown as T;

const Title = z.string().trim().min(1, 'a title is required').max(500, 'the title is too long');
const Slug = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(200, 'the name is too long')
  .refine((value) => !/[\\/\0]/.test(value), 'a name holds no slashes or NUL bytes');

/** The methods of the contract: argument schema and result type of each. */
export const methods = {
  openSite: {
    args: z.object({ path: z.string().min(1).max(maxPathLength).optional() }).strict(),
    result: returns<SiteInfo>(),
  },
  listPosts: {
    args: z.object({}).strict(),
    result: returns<PostSummary[]>(),
  },
  readPost: {
    args: z.object({ id: SitePath }).strict(),
    result: returns<PostDocument>(),
  },
  savePost: {
    args: z
      .object({
        id: SitePath,
        text: z.string().max(maxTextLength, 'the post is too large to save'),
        /** The revision the edit started from; null only for a forced overwrite. */
        baseRevision: RevisionSchema.nullable(),
        /** Save even a file opened read-only (binary, invalid UTF-8, too large). */
        force: z.boolean().optional(),
      })
      .strict(),
    result: returns<SaveResult>(),
  },
  /** Which of the site-relative ids name existing files (for the missing-file check). */
  checkSiteFiles: {
    args: z.object({ ids: z.array(SitePath).max(5000, 'too many paths at once') }).strict(),
    result: returns<{ existing: string[] }>(),
  },
  /** The preview's settings from postdesk.config.json (the site stylesheet). */
  previewSettings: {
    args: z.object({}).strict(),
    result: returns<PreviewSettings>(),
  },
  readSiteSchema: {
    args: z.object({}).strict(),
    result: returns<SiteSchema>(),
  },
  importImage: {
    args: z
      .object({
        /** The post the image is for: it picks the folder and the kind of URL. */
        postId: SitePath,
        /** The file name the image had (from the clipboard or disk); only a hint for the new name. */
        fileName: z.string().max(1024, 'the file name is too long'),
        /** The image bytes, base64-encoded. */
        data: z
          .string()
          .max(maxImageBase64, 'the image is too large to add')
          .base64('the image data is not base64'),
        alt: z.string().max(2000).optional(),
        /** Required for images over `imageSizeLimit`, after the user agreed. */
        confirmLarge: z.boolean().optional(),
      })
      .strict(),
    result: returns<ImportedImage>(),
  },
  listImages: {
    args: z.object({}).strict(),
    result: returns<SiteImage[]>(),
  },
  backupBuffer: {
    args: z
      .object({ id: SitePath, text: z.string().max(maxTextLength, 'the buffer is too large to back up') })
      .strict(),
    result: returns<{ savedAt: string } | null>(),
  },
  dropBackup: {
    args: z.object({ id: SitePath }).strict(),
    result: returns<{ dropped: boolean }>(),
  },
  listBackups: {
    args: z.object({}).strict(),
    result: returns<BackupEntry[]>(),
  },
  confirmClose: {
    args: z.object({ requestId: z.number().int().nonnegative(), proceed: z.boolean() }).strict(),
    result: returns<null>(),
  },
  createPost: {
    args: z
      .object({
        title: Title,
        /** A section from SiteInfo.sections; '' or absent puts the post at the content folder's top. */
        section: z.string().max(200).optional(),
        /** Create a page bundle folder (`<slug>/index.md`) instead of a single file. */
        bundle: z.boolean().optional(),
      })
      .strict(),
    result: returns<PostSummary>(),
  },
  renamePost: {
    args: z.object({ id: SitePath, slug: Slug }).strict(),
    result: returns<PostSummary>(),
  },
  duplicatePost: {
    args: z.object({ id: SitePath }).strict(),
    result: returns<PostSummary>(),
  },
  deletePost: {
    args: z.object({ id: SitePath }).strict(),
    result: returns<DeleteResult>(),
  },
  listTrash: {
    args: z.object({}).strict(),
    result: returns<TrashEntry[]>(),
  },
  restorePost: {
    args: z.object({ trashId: z.string().regex(/^[0-9A-Za-z._-]{1,120}$/, 'not a trash id') }).strict(),
    result: returns<PostSummary>(),
  },
  revealPost: {
    args: z.object({ id: SitePath }).strict(),
    result: returns<null>(),
  },
  ...gitMethods,
  ...searchMethods,
  ...sitePreviewMethods,
} as const;

/** The events of the contract and their payloads. */
export const events = {
  postChanged: returns<PostChangedEvent>(),
  menuCommand: returns<MenuCommandEvent>(),
  closeRequested: returns<CloseRequestedEvent>(),
  siteOpened: returns<SiteOpenedEvent>(),
  indexProgress: returns<IndexProgressEvent>(),
  postProblems: returns<PostProblemsEvent>(),
  ...gitEvents,
  ...searchEvents,
  ...sitePreviewEvents,
} as const;

/** The name of a contract method. */
export type MethodName = keyof typeof methods;
/** The name of a contract event. */
export type EventName = keyof typeof events;
/** What a caller passes to method M. */
export type MethodArgs<M extends MethodName> = z.input<(typeof methods)[M]['args']>;
/** What a handler of method M receives once validated. */
export type ValidArgs<M extends MethodName> = z.output<(typeof methods)[M]['args']>;
/** What method M resolves to. */
export type MethodResult<M extends MethodName> = (typeof methods)[M]['result'];
/** The payload of event E. */
export type EventPayload<E extends EventName> = (typeof events)[E];

/** The names of all methods, in table order. */
export const methodNames = Object.keys(methods) as MethodName[];
/** The names of all events, in table order. */
export const eventNames = Object.keys(events) as EventName[];

/** Subscribes to event E; the returned function unsubscribes. */
export type Subscribe = <E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void;

/** The API the renderer sees, whichever host carries it. */
export type PostdeskApi = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<MethodResult<M>>;
} & { on: Subscribe };

/** What the preload exposes as `window.postdesk`: each method answers the host's Outcome as is. */
export type PostdeskBridge = {
  [M in MethodName]: (args: MethodArgs<M>) => Promise<Outcome<MethodResult<M>>>;
} & { on: Subscribe };

/** What the library implements: one handler per method, given validated arguments. */
export type Handlers = {
  [M in MethodName]: (args: ValidArgs<M>) => Promise<MethodResult<M>>;
};

/** The envelope every host answers with, so errors keep their code across any transport. */
export type Outcome<T = unknown> =
  { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** True when `name` is one of the contract's methods (own keys only, so `__proto__` is not). */
export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}

/** True when `name` is one of the contract's events. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/**
 * Validates `rawArgs` against method `name`'s schema and runs its handler; never throws:
 * every failure comes back as an Outcome with a code and a message for the user.
 */
export async function dispatch(handlers: Handlers, name: unknown, rawArgs: unknown): Promise<Outcome> {
  if (!isMethodName(name)) {
    return failure('unknown-method', `There is no method named ${String(name).slice(0, 80)}.`);
  }
  const parsed = methods[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    return failure('invalid-argument', `Invalid argument to ${name}${where}: ${issue?.message}`);
  }
  try {
    const handler = handlers[name] as (args: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    if (error instanceof PostdeskError) return failure(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    return failure('internal', `Unexpected error in ${name}: ${message}`);
  }
}

/** Turns an Outcome back into a value, or throws the PostdeskError it carries. */
export function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome && outcome.ok === true) return outcome.value;
  if (outcome && outcome.ok === false) {
    const code = errorCodes.includes(outcome.error.code) ? outcome.error.code : 'internal';
    throw new PostdeskError(code, outcome.error.message);
  }
  throw new PostdeskError('internal', 'The host answered with something that is not an outcome.');
}

/**
 * Builds the renderer's API from a function that carries one call to a host and answers its
 * Outcome: every contract method, unwrapped, so errors surface as PostdeskError with their code.
 */
export function apiFromOutcomes(
  call: (name: MethodName, args: unknown) => Promise<Outcome>,
  on: Subscribe,
): PostdeskApi {
  const api: Record<string, unknown> = { on };
  for (const name of methodNames) {
    api[name] = async (args: unknown) => unwrap(await call(name, args));
  }
  return api as PostdeskApi;
}

function failure(code: ErrorCode, message: string): Outcome {
  return { ok: false, error: { code, message } };
}
