import { useEffect, useState } from 'react';
import type { Taxonomy } from '../../../shared/api-search';
import { useStore } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { commandRegistry } from '../commands/command-registry';
import { ModalDialog } from '../conflict/modal-dialog';
import { EditFilesTable } from './edit-files-table';
import './taxonomy.css';

/** One taxonomy group: its values with post counts, a checkbox each, and rename / merge / delete. */
function TaxonomyGroup({ group }: { group: Taxonomy }) {
  const { previewChange } = useAppState().taxonomy;
  const [name, setName] = useState('');
  const [picked, setChosen] = useState<string[]>([]);
  // Values gone after a change (renamed, merged, deleted) drop out of the choice.
  const chosen = picked.filter((value) => group.terms.some((term) => term.value === value));
  const toggle = (value: string, on: boolean): void =>
    setChosen((previous) => (on ? [...previous, value] : previous.filter((item) => item !== value)));
  return (
    <section className="taxonomy-group" aria-label={group.key}>
      <h3>
        {group.key} <span className="taxonomy-fields">({group.fields.join(', ')})</span>
      </h3>
      {group.terms.length === 0 ? <p className="taxonomy-empty">No post uses this key.</p> : null}
      <ul className="taxonomy-terms">
        {group.terms.map((term) => (
          <li key={term.value}>
            <label>
              <input
                type="checkbox"
                checked={chosen.includes(term.value)}
                onChange={(event) => toggle(term.value, event.target.checked)}
              />
              {term.value}
            </label>{' '}
            <span className="taxonomy-count" aria-label={`${term.count} posts`}>
              {term.count}
            </span>
          </li>
        ))}
      </ul>
      {group.terms.length > 0 ? (
        <div className="taxonomy-actions">
          <input
            type="text"
            aria-label={`New ${group.key} name`}
            placeholder="New name"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button
            type="button"
            disabled={chosen.length !== 1 || name.trim() === ''}
            onClick={() => void previewChange({ key: group.key, action: 'rename', from: chosen, to: name })}
          >
            Rename
          </button>
          <button
            type="button"
            disabled={chosen.length < 2 || name.trim() === ''}
            onClick={() => void previewChange({ key: group.key, action: 'merge', from: chosen, to: name })}
          >
            Merge
          </button>
          <button
            type="button"
            disabled={chosen.length === 0}
            onClick={() => void previewChange({ key: group.key, action: 'delete', from: chosen })}
          >
            Delete
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** The preview of a change: each post with its changed lines side by side, then Apply or Cancel. */
function ChangePreview() {
  const { library, taxonomy } = useAppState();
  const { applyChange, cancelPreview, store: taxonomyStore } = taxonomy;
  const preview = useStore(taxonomyStore, (state) => state.preview);
  if (!preview) return null;
  const { change, files } = preview;
  const what =
    change.action === 'delete'
      ? `Delete ${change.from.join(', ')}`
      : `${change.action === 'merge' ? 'Merge' : 'Rename'} ${change.from.join(', ')} into ${change.to ?? ''}`;
  return (
    <div className="taxonomy-preview" aria-label="Change preview" role="region">
      <p>
        {what} ({change.key}): {files.files.length} post(s) change.
      </p>
      <EditFilesTable preview={files} />
      <div className="modal-actions">
        <button
          type="button"
          disabled={files.files.length === 0}
          onClick={() => void applyChange().then(() => library.refresh())}
        >
          Apply change
        </button>
        <button type="button" onClick={cancelPreview}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The "Taxonomies" view (palette command): every taxonomy of the site with counts, changes previewed, undo. */
export function TaxonomyView() {
  const { library, taxonomy } = useAppState();
  const { store: taxonomyStore, undoChange } = taxonomy;
  const closeTaxonomies = taxonomy.close;
  const state = useStore(taxonomyStore);
  useEffect(
    () =>
      commandRegistry.register([{ id: 'view.taxonomies', title: 'Taxonomies', run: () => taxonomy.open() }]),
    [taxonomy],
  );
  if (!state.open) return null;
  return (
    <ModalDialog title="Taxonomies" className="compare-dialog taxonomy-view" onClose={closeTaxonomies}>
      {state.error ? <p role="alert">{state.error}</p> : null}
      {state.last ? (
        <p role="status" className="taxonomy-status">
          {state.last.message}{' '}
          {state.last.undoId ? (
            <button type="button" onClick={() => void undoChange().then(() => library.refresh())}>
              Undo change
            </button>
          ) : null}
        </p>
      ) : null}
      {state.preview ? (
        <ChangePreview />
      ) : (
        <div className="taxonomy-groups">
          {(state.groups ?? []).map((group) => (
            <TaxonomyGroup key={group.key} group={group} />
          ))}
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={closeTaxonomies}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
