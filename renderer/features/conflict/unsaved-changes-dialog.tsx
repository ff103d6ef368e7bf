import type { PostdeskApi } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { documentStore } from '../../state/document-store';
import { pendingOpenStore, resolvePendingOpen } from '../../state/switch-guard';
import { ModalDialog } from './modal-dialog';

/** Asks Save / Don't Save / Cancel when another post is chosen while the open one has unsaved text. */
export function UnsavedChangesDialog({ api, onSaved }: { api: PostdeskApi; onSaved: () => void }) {
  const pending = useStore(pendingOpenStore);
  const openId = useStore(documentStore, (state) => (state.status === 'open' ? state.doc.id : null));
  if (pending === null) return null;
  const answer = (choice: 'save' | 'discard' | 'cancel') => () =>
    void resolvePendingOpen(api, choice).then(() => {
      if (choice === 'save') onSaved();
    });
  return (
    <ModalDialog title="Unsaved changes" onClose={answer('cancel')}>
      <p>
        {openId ?? 'This post'} has changes that are not saved. Save them before opening {pending}?
      </p>
      <div className="modal-actions">
        <button type="button" onClick={answer('save')}>
          Save
        </button>
        <button type="button" onClick={answer('discard')}>
          Don&apos;t Save
        </button>
        <button type="button" onClick={answer('cancel')}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
