import { useId, useState } from 'react';
import type { SiteImage } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { copyText } from './copy-text';
import { ImageBrowser } from './image-browser';
import { requestExisting } from './image-import-store';
import { baseName, imageUrlForPost } from './image-markup';
import { editorViewStore, imageServicesStore } from './image-services';
import { useSiteImages } from './use-site-images';
import { useModal } from '../dialogs/use-modal';

/**
 * The "Media" dialog: every image of the site with its thumbnail, size, dimensions and the posts
 * using it; copy its path, or insert it into the open post at the cursor (after asking alt text).
 */
export function MediaPanel({ onClose }: { onClose: () => void }) {
  const dialog = useModal();
  const titleId = useId();
  const services = useStore(imageServicesStore);
  const view = useStore(editorViewStore);
  const postId = useStore(useAppState().documents.active, (state) =>
    state.status === 'open' ? state.doc.id : null,
  );
  const { images, error } = useSiteImages();
  const [message, setMessage] = useState('');

  const pathFor = (image: SiteImage): string =>
    postId !== null ? imageUrlForPost(image, postId) : (image.url ?? image.id);

  const copy = async (image: SiteImage): Promise<void> => {
    const text = pathFor(image);
    try {
      await copyText(text);
      setMessage(`Copied ${text}`);
    } catch (problem) {
      setMessage(`Could not copy: ${(problem as Error).message}`);
    }
  };

  const insert = (image: SiteImage): void => {
    if (!view) return;
    onClose();
    requestExisting(view, image);
  };

  return (
    <dialog
      ref={dialog}
      className="image-dialog media-panel"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <header className="media-panel-header">
        <h2 id={titleId}>Media</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {error ? <p role="alert">{error}</p> : null}
      <p className="media-panel-message" aria-live="polite">
        {message}
      </p>
      {services ? (
        <ImageBrowser
          images={images}
          assetUrl={services.assetUrl}
          label="Site images"
          details={(image) => (
            <span className="image-used-by">
              {image.usedBy.length === 0
                ? 'Not used in any post'
                : `Used by ${image.usedBy.map((id) => baseName(id)).join(', ')}`}
            </span>
          )}
          actions={(image) => (
            <>
              <button type="button" onClick={() => void copy(image)}>
                Copy path
              </button>
              <button
                type="button"
                onClick={() => insert(image)}
                disabled={!view || postId === null}
                title={view && postId !== null ? undefined : 'Open a post to insert images'}
              >
                Insert
              </button>
            </>
          )}
        />
      ) : null}
    </dialog>
  );
}
