import { useEffect, useState } from 'react';
import type { SiteInfo } from '../../../shared/api';
import type { PostdeskClient } from '../../api/connect-api';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { AltTextDialog } from './alt-text-dialog';
import { imageImportStore } from './image-import-store';
import { ImageNotice } from './image-notice';
import { imageServicesStore } from './image-services';
import { MediaPanel } from './media-panel';
import { watchUnsavedImages } from './unsaved-images';

/**
 * The app's image tools: the "Media" button that opens the media panel, the alt-text dialog for
 * pasted, dropped and inserted images, and the image notices. Mount once, anywhere in the app.
 */
export function ImageTools({ client, site }: { client: PostdeskClient; site: SiteInfo | null }) {
  const [panelOpen, setPanelOpen] = useState(false);
  const request = useStore(imageImportStore, (state) => state.queue[0] ?? null);
  const busy = useStore(imageImportStore, (state) => state.busy);
  const staticDir = site?.staticDir ?? null;
  const documents = useAppState().documents;

  useEffect(() => {
    const unsaved = watchUnsavedImages(client.api, documents);
    imageServicesStore.set({
      api: client.api,
      assetUrl: client.assetUrl,
      staticDir,
      activeDocument: documents.active,
      trackAddedImage: unsaved.track,
    });
    return () => {
      unsaved.stop();
      imageServicesStore.set(null);
    };
  }, [client, staticDir, documents]);

  useEffect(() => {
    // A file dropped anywhere but the editor would make the page navigate to it, losing edits.
    const refuseFileDrop = (event: DragEvent): void => {
      if (
        !event.defaultPrevented &&
        event.dataTransfer &&
        Array.from(event.dataTransfer.types).includes('Files')
      ) {
        event.preventDefault();
        if (event.type === 'dragover') event.dataTransfer.dropEffect = 'none';
      }
    };
    window.addEventListener('dragover', refuseFileDrop);
    window.addEventListener('drop', refuseFileDrop);
    return () => {
      window.removeEventListener('dragover', refuseFileDrop);
      window.removeEventListener('drop', refuseFileDrop);
    };
  }, []);

  return (
    <div className="image-tools">
      <ImageNotice />
      <button
        type="button"
        className="media-button"
        aria-haspopup="dialog"
        onClick={() => setPanelOpen(true)}
        disabled={!site}
      >
        Media
      </button>
      {panelOpen ? <MediaPanel onClose={() => setPanelOpen(false)} /> : null}
      {request ? <AltTextDialog key={request.id} request={request} busy={busy} /> : null}
    </div>
  );
}
