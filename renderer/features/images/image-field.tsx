import { useId, useRef, useState } from 'react';
import { imageSizeLimit } from '../../../shared/api';
import { siteFileForUrl } from '../../../shared/render/asset-paths';
import { useStore } from '../../state/create-store';
import { bumpImported } from './image-import-store';
import { formatBytes, imageUrlForPost } from './image-markup';
import { ImagePickerDialog } from './image-picker-dialog';
import { fileToBase64, imageServicesStore, looksLikeImage, type ImageServices } from './image-services';

/** The props of ImageField: a labelled image path of a post's front matter. */
export interface ImageFieldProps {
  /** The field's label (the front matter key); the text input is labelled by it. */
  label: string;
  /** The image path as written in the front matter (`/images/x.png`, or a bundle-relative name). */
  value: string;
  /** Called with the new path when the user types, picks or uploads an image. */
  onChange: (value: string) => void;
  /** The post being edited: relative paths resolve from its folder, uploads go to its image folder. */
  postId: string;
  /** The id of the text input (defaults to a generated one). */
  inputId?: string;
  /** The host services; defaults to the app's (set by ImageTools). */
  services?: ImageServices | null;
}

/**
 * An image field for the front matter form: a thumbnail of the current image (always an <img>,
 * never inlined SVG), the path as text, a searchable picker of the site's images, and an upload
 * that copies a file into the post's image folder (asking first above the size limit).
 */
export function ImageField({ label, value, onChange, postId, inputId, services }: ImageFieldProps) {
  const appServices = useStore(imageServicesStore);
  const host = services === undefined ? appServices : services;
  const generatedId = useId();
  const id = inputId ?? generatedId;
  const fileInput = useRef<HTMLInputElement>(null);
  const [picking, setPicking] = useState(false);
  const [pendingLarge, setPendingLarge] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fileId = host && value.trim() !== '' ? siteFileForUrl(value, host.staticDir, postId) : null;

  const upload = async (file: File, confirmLarge: boolean): Promise<void> => {
    if (!host) return;
    setProblem(null);
    if (!looksLikeImage(file)) {
      setProblem(
        `"${file.name}" is not an image: only PNG, JPEG, GIF, WebP, AVIF and SVG files can be added.`,
      );
      return;
    }
    if (file.size > imageSizeLimit && !confirmLarge) {
      setPendingLarge(file);
      return;
    }
    setPendingLarge(null);
    setBusy(true);
    try {
      const added = await host.api.importImage({
        postId,
        fileName: file.name,
        data: await fileToBase64(file),
        confirmLarge,
      });
      bumpImported();
      host.trackAddedImage?.(postId, added.id, added.url);
      onChange(added.url);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="field image-field">
      <label htmlFor={id}>{label}</label>
      <div className="image-field-control">
        {fileId !== null && host ? (
          <img className="image-field-thumb" src={host.assetUrl(fileId)} alt="" loading="lazy" />
        ) : (
          <span className="image-field-thumb image-field-none" aria-hidden="true" />
        )}
        <input id={id} value={value} onChange={(event) => onChange(event.target.value)} />
        <button
          type="button"
          onClick={() => setPicking(true)}
          disabled={!host}
          aria-label={`Choose ${label}`}
        >
          Choose…
        </button>
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          disabled={!host || busy}
          aria-label={`Upload ${label}`}
        >
          Upload…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,image/avif,image/svg+xml"
          hidden
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file, false);
          }}
        />
      </div>
      {pendingLarge ? (
        <div className="image-field-confirm" role="alert">
          "{pendingLarge.name}" is {formatBytes(pendingLarge.size)}, larger than {formatBytes(imageSizeLimit)}
          .
          <button type="button" onClick={() => void upload(pendingLarge, true)}>
            Add anyway
          </button>
          <button type="button" onClick={() => setPendingLarge(null)}>
            Cancel
          </button>
        </div>
      ) : null}
      {problem ? (
        <p className="image-field-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {picking && host ? (
        <ImagePickerDialog
          title={`Choose ${label}`}
          assetUrl={host.assetUrl}
          onClose={() => setPicking(false)}
          onPick={(image) => {
            setPicking(false);
            onChange(imageUrlForPost(image, postId));
          }}
        />
      ) : null}
    </div>
  );
}
