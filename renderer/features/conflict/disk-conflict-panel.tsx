import { useState } from 'react';
import { useAppState } from '../../state/app-state-context';
import type { OpenDocument } from '../../state/document-store';
import { CompareDialog } from './compare-dialog';
import { SaveAsDialog } from './save-as-dialog';

/**
 * What the user sees when the open post and the disk disagree: an alert saying the file changed on
 * disk (Reload, Overwrite, Compare) or was removed (Save As); the user's text stays in the editor.
 */
export function DiskConflictPanel({
  doc,
  onSaved,
}: {
  doc: OpenDocument;
  /** Called after the user's text was written, so the list can catch up. */
  onSaved: () => void;
}) {
  const { documents } = useAppState();
  const [dialog, setDialog] = useState<'compare' | 'save-as' | null>(null);
  const { conflict } = doc;
  const close = (): void => setDialog(null);
  const reload = (): void => {
    close();
    void documents.reload();
  };
  const overwrite = (): void => {
    close();
    void documents.overwrite().then((saved) => saved && onSaved());
  };
  const saveAs = async (id: string): Promise<void> => {
    await documents.saveAs(id);
    onSaved();
  };

  return (
    <>
      {conflict?.kind === 'changed' ? (
        <div role="alert" className="disk-conflict">
          <p>
            <strong>{doc.id}</strong> changed on disk while you had unsaved changes. Your text is kept here.
          </p>
          <div className="disk-conflict-actions">
            <button type="button" onClick={reload}>
              Reload (discard mine)
            </button>
            <button type="button" onClick={overwrite}>
              Overwrite (save mine)
            </button>
            <button type="button" onClick={() => setDialog('compare')}>
              Compare
            </button>
          </div>
        </div>
      ) : null}
      {conflict?.kind === 'removed' ? (
        <div role="alert" className="disk-conflict">
          <p>
            <strong>{doc.id}</strong> was removed on disk. Your text is kept here: save it under a new path to
            keep it.
          </p>
          <div className="disk-conflict-actions">
            <button type="button" onClick={() => setDialog('save-as')}>
              Save As…
            </button>
          </div>
        </div>
      ) : null}
      {dialog === 'compare' && conflict?.kind === 'changed' ? (
        <CompareDialog
          id={doc.id}
          diskText={conflict.diskText}
          mine={doc.text}
          onReload={reload}
          onOverwrite={overwrite}
          onClose={close}
        />
      ) : null}
      {dialog === 'save-as' ? <SaveAsDialog suggestion={doc.id} onSave={saveAs} onClose={close} /> : null}
    </>
  );
}
