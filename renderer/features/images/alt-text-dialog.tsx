import { useId, useState } from 'react';
import { imageSizeLimit } from '../../../shared/api';
import { formatBytes } from './image-markup';
import { cancelFirst, completeFirst, type ImageRequest } from './image-import-store';
import { useModal } from '../dialogs/use-modal';

/**
 * The modal dialog "Add image" that asks for an image's alt text (prefilled from its file name)
 * before it is added, and asks first, with a warning, for files over the size limit.
 */
export function AltTextDialog({ request, busy }: { request: ImageRequest; busy: boolean }) {
  const dialog = useModal();
  const [alt, setAlt] = useState(request.suggestedAlt);
  const titleId = useId();
  const altId = useId();
  const name = request.kind === 'file' ? request.file.name || 'Pasted image' : request.image.id;

  return (
    <dialog
      ref={dialog}
      className="image-dialog alt-text-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) cancelFirst();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void completeFirst(alt);
        }}
      >
        <h2 id={titleId}>Add image</h2>
        <p className="image-dialog-file">{name}</p>
        {request.large ? (
          <p className="image-dialog-warning">
            This file is {request.kind === 'file' ? formatBytes(request.file.size) : ''}, larger than{' '}
            {formatBytes(imageSizeLimit)}. Large images make pages slow to load. Add it anyway?
          </p>
        ) : null}
        <label htmlFor={altId}>Alt text</label>
        <input
          id={altId}
          value={alt}
          autoFocus
          onChange={(event) => setAlt(event.target.value)}
          aria-describedby={`${altId}-hint`}
        />
        <p id={`${altId}-hint`} className="image-dialog-hint">
          Describe the image for readers who cannot see it.
        </p>
        <div className="image-dialog-actions">
          <button type="button" onClick={cancelFirst} disabled={busy}>
            Cancel
          </button>
          <button type="submit" disabled={busy}>
            {request.large ? 'Add large image' : 'Insert'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
