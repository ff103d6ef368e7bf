import { useState, type FormEvent } from 'react';
import { ModalDialog } from './modal-dialog';

/** Asks for the site-relative path of a new post and saves there; a refusal is shown and the dialog stays. */
export function SaveAsDialog({
  suggestion,
  onSave,
  onClose,
}: {
  suggestion: string;
  /** Saves to the path; rejects with a message for the user when it cannot. */
  onSave: (id: string) => Promise<void>;
  onClose: () => void;
}) {
  const [path, setPath] = useState(suggestion);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    onSave(path).then(
      () => onClose(),
      (reason: unknown) => {
        setBusy(false);
        setError((reason as Error).message);
      },
    );
  };
  return (
    <ModalDialog title="Save As" onClose={onClose}>
      <form className="save-as-form" onSubmit={submit}>
        <label htmlFor="save-as-path">New path in the site</label>
        <input
          id="save-as-path"
          value={path}
          autoFocus
          spellCheck={false}
          onChange={(event) => setPath(event.target.value)}
        />
        {error ? (
          <p role="alert" className="save-error">
            {error}
          </p>
        ) : null}
        <div className="modal-actions">
          <button type="submit" disabled={busy}>
            Save
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
