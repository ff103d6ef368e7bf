import { useEffect, useRef } from 'react';
import { useStore } from '../../state/create-store';
import { unsavedQuestion } from './unsaved-prompt-store';

/** The Save / Don't Save / Cancel dialog about the unsaved changes of one open post or several. */
export function UnsavedPrompt() {
  const question = useStore(unsavedQuestion);
  const save = useRef<HTMLButtonElement>(null);
  useEffect(() => save.current?.focus(), [question]);
  if (!question) return null;
  return (
    <div className="modal-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="unsaved-title"
        className="modal"
        onKeyDown={(event) => {
          if (event.key === 'Escape') question.answer('cancel');
        }}
      >
        <h2 id="unsaved-title">
          {question.ids.length > 1
            ? `${question.ids.length} posts have unsaved changes`
            : `Save changes to ${question.id}?`}
        </h2>
        {question.ids.length > 1 ? (
          <ul className="unsaved-list">
            {question.ids.map((id) => (
              <li key={id}>{id}</li>
            ))}
          </ul>
        ) : null}
        <p>Your changes are lost if you don't save them.</p>
        <div className="modal-buttons">
          <button ref={save} type="button" onClick={() => question.answer('save')}>
            {question.ids.length > 1 ? 'Save All' : 'Save'}
          </button>
          <button type="button" onClick={() => question.answer('discard')}>
            Don't Save
          </button>
          <button type="button" onClick={() => question.answer('cancel')}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
