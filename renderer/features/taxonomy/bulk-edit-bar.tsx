import { useState } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import type { EditPreview } from '../../../shared/api-search';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { ModalDialog } from '../conflict/modal-dialog';
import { EditFilesTable } from './edit-files-table';
import { clearPicked, pickedStore } from './selection-store';

type Op = 'set' | 'clear' | 'addTag' | 'removeTag';
const opNames: Record<Op, string> = {
  set: 'Set key',
  clear: 'Clear key',
  addTag: 'Add tag',
  removeTag: 'Remove tag',
};

/**
 * The bulk edit bar, shown while posts are picked with Ctrl/Shift click: set or clear a front
 * matter key, add or remove a tag, on every picked post; previewed first, undoable after.
 */
export function BulkEditBar({ api }: { api: PostdeskApi }) {
  const { library } = useAppState();
  const ids = useStore(pickedStore, (state) => state.ids);
  const [op, setOp] = useState<Op>('set');
  const [key, setKey] = useState('draft');
  const [value, setValue] = useState('true');
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const [message, setMessage] = useState<{ text: string; undoId: string | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (ids.length === 0 && message === null) return null;
  const edit = { op, key: op === 'addTag' || op === 'removeTag' ? key || 'tags' : key, value };
  const fail = (caught: unknown): void => setError((caught as Error).message);

  return (
    <section className="bulk-edit-bar" aria-label="Bulk edit">
      <span>{ids.length === 1 ? '1 post selected' : `${ids.length} posts selected`}</span>
      <select aria-label="Bulk action" value={op} onChange={(event) => setOp(event.target.value as Op)}>
        {(Object.keys(opNames) as Op[]).map((name) => (
          <option key={name} value={name}>
            {opNames[name]}
          </option>
        ))}
      </select>
      <input aria-label="Bulk key" value={key} onChange={(event) => setKey(event.target.value)} />
      {op !== 'clear' ? (
        <input aria-label="Bulk value" value={value} onChange={(event) => setValue(event.target.value)} />
      ) : null}
      <button
        type="button"
        disabled={ids.length === 0}
        onClick={() => {
          setError(null);
          void api.previewBulkEdit({ edit, ids }).then(setPreview, fail);
        }}
      >
        Preview bulk edit
      </button>
      <button type="button" onClick={clearPicked} disabled={ids.length === 0}>
        Clear selection
      </button>
      {message ? (
        <span role="status">
          {message.text}{' '}
          {message.undoId ? (
            <button
              type="button"
              onClick={() =>
                void api
                  .undoReplace({ undoId: message.undoId ?? '' })
                  .then((outcome) => {
                    setMessage({ text: `Restored ${outcome.changed.length} post(s).`, undoId: null });
                    return library.refresh();
                  })
                  .catch(fail)
              }
            >
              Undo bulk edit
            </button>
          ) : null}
        </span>
      ) : null}
      {error ? <span role="alert">{error}</span> : null}
      {preview ? (
        <ModalDialog title="Bulk edit preview" className="compare-dialog" onClose={() => setPreview(null)}>
          <p>{preview.files.length} post(s) change.</p>
          <EditFilesTable preview={preview} />
          <div className="modal-actions">
            <button
              type="button"
              disabled={preview.files.length === 0}
              onClick={() => {
                const files = preview.files.map((file) => ({ id: file.id, sha256: file.sha256 }));
                setPreview(null);
                void api
                  .applyBulkEdit({ edit, files })
                  .then((outcome) => {
                    const skipped = outcome.skipped.map((file) => `${file.id} (${file.reason})`).join('; ');
                    setMessage({
                      text: `Changed ${outcome.changed.length} post(s)${skipped ? `; skipped: ${skipped}` : ''}.`,
                      undoId: outcome.undoId,
                    });
                    return library.refresh();
                  })
                  .catch(fail);
              }}
            >
              Apply bulk edit
            </button>
            <button type="button" onClick={() => setPreview(null)}>
              Cancel
            </button>
          </div>
        </ModalDialog>
      ) : null}
    </section>
  );
}
