import { useEffect, useState } from 'react';
import type { SiteImage } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { imageImportStore } from './image-import-store';
import { imageServicesStore } from './image-services';

/**
 * Loads the site's images from the host while the calling component is shown (again after each
 * import); answers null until they arrive, and the problem when the host refused.
 */
export function useSiteImages(): { images: SiteImage[] | null; error: string | null; reload: () => void } {
  const services = useStore(imageServicesStore);
  const imported = useStore(imageImportStore, (state) => state.imported);
  const [images, setImages] = useState<SiteImage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  useEffect(() => {
    if (!services) return;
    let live = true;
    services.api
      .listImages({})
      .then((list) => {
        if (!live) return;
        setImages(list);
        setError(null);
      })
      .catch((problem: unknown) => {
        if (live) setError((problem as Error).message);
      });
    return () => {
      live = false;
    };
  }, [services, imported, round]);

  return { images, error, reload: () => setRound((value) => value + 1) };
}
