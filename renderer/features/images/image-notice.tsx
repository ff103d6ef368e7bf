import { useStore } from '../../state/create-store';
import { dismissNotice, imageImportStore } from './image-import-store';

/** The last image problem (a refused file, a failed import), as an alert the user can dismiss. */
export function ImageNotice() {
  const notice = useStore(imageImportStore, (state) => state.notice);
  if (notice === null) return null;
  return (
    <div className="image-notice" role="alert">
      <span>{notice}</span>
      <button type="button" onClick={dismissNotice}>
        Dismiss
      </button>
    </div>
  );
}
