/**
 * The core method table: each row is a method's argument schema (validated by both hosts) and its
 * result type (a type-only marker). shared/api.ts assembles it with the feature tables.
 */
import { z } from 'zod';
import type {
  BackupEntry,
  DeleteResult,
  ImportedImage,
  PostDocument,
  PostSummary,
  PreviewSettings,
  SaveResult,
  SiteImage,
  SiteInfo,
  SiteSchema,
  TrashEntry,
} from './model';
import {
  maxImageBase64,
  maxPathLength,
  maxTextLength,
  returns,
  RevisionSchema,
  SitePath,
  Slug,
  Title,
} from './schemas';

/** What a new post is made from: its title, where it goes, and optionally its own file name. */
const NewPostRequest = z
  .object({
    title: Title,
    /** A section from SiteInfo.sections; '' or absent puts the post at the content folder's top. */
    section: z.string().max(200).optional(),
    /** Create a page bundle folder (`<slug>/index.md`) instead of a single file. */
    bundle: z.boolean().optional(),
    /** The file (or bundle folder) name instead of the title's slug; a `YYYY-MM-DD-` prefix is kept. */
    name: Slug.optional(),
  })
  .strict();

/** The core methods of the contract: argument schema and (type-only) result of each. */
export const coreMethods = {
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
    args: NewPostRequest,
    result: returns<PostSummary>(),
  },
  /** The site-relative path a new post would get (the New post dialog shows it before creating). */
  newPostPath: {
    args: NewPostRequest,
    result: returns<{ id: string }>(),
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
} as const;
