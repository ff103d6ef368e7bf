import { useId, useMemo, useState, type ReactNode } from 'react';
import type { SiteImage } from '../../../shared/api';
import { baseName, formatBytes } from './image-markup';

/**
 * A searchable list of the site's images with lazily loaded thumbnails (always through <img>, so
 * SVG never runs as a document); each row shows name, size and dimensions, then `details` and
 * `actions` for that image.
 */
export function ImageBrowser({
  images,
  assetUrl,
  label,
  details,
  actions,
}: {
  images: SiteImage[] | null;
  assetUrl: (id: string) => string;
  /** The accessible name of the list. */
  label: string;
  details?: (image: SiteImage) => ReactNode;
  actions: (image: SiteImage) => ReactNode;
}) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (images ?? []).filter((image) => words.every((word) => image.id.toLowerCase().includes(word)));
  }, [images, query]);

  return (
    <div className="image-browser">
      <label htmlFor={searchId} className="image-search-label">
        Search images
      </label>
      <input
        id={searchId}
        type="search"
        className="image-search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {images === null ? <p className="image-browser-empty">Loading images…</p> : null}
      {images !== null && shown.length === 0 ? (
        <p className="image-browser-empty">
          {images.length === 0 ? 'This site has no images yet.' : 'No image matches.'}
        </p>
      ) : null}
      <ul className="image-list" aria-label={label}>
        {shown.map((image) => (
          <li key={image.id} className="image-row" aria-label={baseName(image.id)}>
            <img className="image-thumb" src={assetUrl(image.id)} alt="" loading="lazy" decoding="async" />
            <div className="image-info">
              <span className="image-name" title={image.id}>
                {baseName(image.id)}
              </span>
              <span className="image-meta">
                {formatBytes(image.size)}
                {image.width !== null && image.height !== null ? ` · ${image.width}×${image.height}` : ''}
                {` · ${image.type.toUpperCase()}`}
              </span>
              <span className="image-path">{image.url ?? image.id}</span>
              {details?.(image)}
            </div>
            <div className="image-actions">{actions(image)}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
