import { useId } from 'react';
import type { SiteImage } from '../../../shared/api';
import { ImageBrowser } from './image-browser';
import { useSiteImages } from './use-site-images';
import { useModal } from '../dialogs/use-modal';

/** A modal picker of the site's images (searchable, lazy thumbnails): `onPick` gets the chosen one. */
export function ImagePickerDialog({
  title,
  assetUrl,
  onPick,
  onClose,
}: {
  title: string;
  assetUrl: (id: string) => string;
  onPick: (image: SiteImage) => void;
  onClose: () => void;
}) {
  const dialog = useModal();
  const titleId = useId();
  const { images, error } = useSiteImages();

  return (
    <dialog
      ref={dialog}
      className="image-dialog image-picker"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="media-panel-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error ? <p role="alert">{error}</p> : null}
      <ImageBrowser
        images={images}
        assetUrl={assetUrl}
        label="Site images"
        actions={(image) => (
          <button type="button" onClick={() => onPick(image)}>
            Choose
          </button>
        )}
      />
    </dialog>
  );
}
