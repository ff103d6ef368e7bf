import type { OpenDocument } from '../../state/document-store';
import { isDirty } from '../../state/document-store';

/** The status line: save state (role status), then the problem of the last save, if any. */
export function StatusBar({ doc }: { doc: OpenDocument | null }) {
  let state = '';
  if (doc) {
    if (doc.saving) state = 'Saving…';
    else if (isDirty(doc)) state = 'Unsaved changes';
    else state = doc.savedOnce ? 'Saved' : 'No changes';
  }
  return (
    <footer className="status-bar">
      <span role="status" className="save-state">
        {state}
      </span>
      {doc?.error ? (
        <span role="alert" className="save-error">
          {doc.conflict ? 'The file changed on disk. ' : ''}
          {doc.error}
        </span>
      ) : null}
    </footer>
  );
}
