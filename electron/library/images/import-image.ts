import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { imageSizeLimit, type ImportedImage, type SiteInfo } from '../../../shared/api';
import { PostdeskError } from '../../../shared/errors';
import { checkAssetId } from '../contract-scope';
import { resolveExisting, resolveForWrite } from '../site-paths';
import { generatorImagePattern, imageFolderFor, readImageFolderPattern } from './image-folder';
import { imageFileName, numberedName } from './image-names';
import { readImageSize, sniffImageType } from './image-type';

/** What adding an image needs: the post it is for, its bytes and original name, and the user's answers. */
export interface ImportImageRequest {
  postId: string;
  fileName: string;
  bytes: Uint8Array;
  alt?: string;
  confirmLarge?: boolean;
}

const maxAttempts = 1000;

/**
 * Copies an image into the post's image folder under a safe name that never replaces an existing
 * file (`photo.png`, `photo-2.png`, ...), written completely before it appears under that name.
 * Refuses bytes that are no image Postdesk knows, and images over `imageSizeLimit` unless
 * `confirmLarge`. Answers the new file's id and the URL to write in the post.
 */
export async function importImage(site: SiteInfo, request: ImportImageRequest): Promise<ImportedImage> {
  const { bytes } = request;
  const shownName = JSON.stringify(request.fileName.slice(0, 120) || 'The pasted file');
  const type = sniffImageType(bytes);
  if (type === null) {
    throw new PostdeskError(
      'invalid-argument',
      `${shownName} is not an image Postdesk can add: only PNG, JPEG, GIF, WebP, AVIF and SVG files are accepted.`,
    );
  }
  if (bytes.length > imageSizeLimit && request.confirmLarge !== true) {
    throw new PostdeskError(
      'invalid-argument',
      `${shownName} is ${megabytes(bytes.length)}, over the ${megabytes(imageSizeLimit)} limit; confirm to add it anyway.`,
    );
  }
  await resolveExisting(site.root, request.postId);
  const pattern =
    (await readImageFolderPattern(site.root)) ?? (await generatorImagePattern(site, request.postId));
  const { folder, urlPrefix } = imageFolderFor(site, request.postId, pattern);
  await checkAssetId(site, folder === '.' ? 'image.png' : `${folder}/image.png`);
  const folderPath = folder === '.' ? site.root : await resolveForWrite(site.root, folder);
  await fs.mkdir(folderPath, { recursive: true }).catch((error: unknown) => {
    throw ioError(`Could not create the image folder ${folder}`, error);
  });
  const realFolder = folder === '.' ? site.root : await resolveExisting(site.root, folder);

  const name = imageFileName(request.fileName, type, request.alt);
  const temp = path.join(
    realFolder,
    `.${name}.postdesk-${process.pid}-${randomBytes(6).toString('hex')}.tmp`,
  );
  await writeComplete(temp, bytes).catch((error: unknown) => {
    throw ioError(`Could not write the image into ${folder}`, error);
  });
  try {
    for (let n = 1; n <= maxAttempts; n++) {
      const candidate = numberedName(name, n);
      const id = folder === '.' ? candidate : `${folder}/${candidate}`;
      const target = await resolveForWrite(site.root, id);
      if (await claim(temp, target)) {
        const { width, height } = readImageSize(bytes, type);
        return { id, url: `${urlPrefix}${candidate}`, type, size: bytes.length, width, height };
      }
    }
    throw new PostdeskError('exists', `Too many images named like ${name} in ${folder}.`);
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Writes and fsyncs a new file (refusing to replace one). */
async function writeComplete(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(file, { force: true });
    throw error;
  }
  await handle.close();
}

/**
 * Gives the complete temp file the name `target` unless something already has it: a hard link
 * fails when the name exists, so an existing file is never replaced, even by a racing writer.
 */
async function claim(temp: string, target: string): Promise<boolean> {
  try {
    await fs.link(temp, target);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
  }
  // File systems without hard links: copy exclusively (fails when the name exists).
  try {
    await fs.copyFile(temp, target, fs.constants.COPYFILE_EXCL);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function ioError(what: string, error: unknown): PostdeskError {
  if (error instanceof PostdeskError) return error;
  const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new PostdeskError('io', `${what}: ${reason}.`, { cause: error });
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
