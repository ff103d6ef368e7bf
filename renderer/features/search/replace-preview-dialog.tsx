import { useState } from 'react';
import type { ReplacePreview } from '../../../shared/api-search';
import { ModalDialog } from '../conflict/modal-dialog';
import type { ReplaceChoice } from './search-store';

/**
 * The preview of "Replace all": every file with its matches side by side (the line before and
 * after), a checkbox per match (all checked), and the files that will be skipped with the reason.
 */
export function ReplacePreviewDialog({
  preview,
  onApply,
  onClose,
}: {
  preview: ReplacePreview;
  onApply: (chosen: ReplaceChoice) => void;
  onClose: () => void;
}) {
  const [chosen, setChosen] = useState<ReplaceChoice>(
    () => new Map(preview.files.map((file) => [file.id, new Set(file.matches.map((match) => match.offset))])),
  );
  const count = [...chosen.values()].reduce((sum, offsets) => sum + offsets.size, 0);
  const toggle = (id: string, offset: number, on: boolean): void => {
    setChosen((previous) => {
      const next = new Map(previous);
      const offsets = new Set(next.get(id) ?? []);
      if (on) offsets.add(offset);
      else offsets.delete(offset);
      next.set(id, offsets);
      return next;
    });
  };
  return (
    <ModalDialog title="Replace preview" className="compare-dialog replace-preview" onClose={onClose}>
      <p className="compare-summary">
        {preview.files.length} file(s) will change; {count} match(es) chosen.
        {preview.truncated ? ' Only the first files are listed: replace again for the rest.' : ''}
      </p>
      {preview.skipped.length > 0 ? (
        <ul className="replace-skipped" aria-label="Skipped files">
          {preview.skipped.map((file) => (
            <li key={file.id}>
              {file.id}: {file.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="compare-scroll">
        {preview.files.map((file) => (
          <section key={file.id} className="replace-file" aria-label={file.id}>
            <h3>
              {file.title} <span className="search-result-id">{file.id}</span>
            </h3>
            <table className="compare-table">
              <colgroup>
                <col className="replace-check-column" />
                <col className="compare-number-column" />
                <col />
                <col className="compare-number-column" />
                <col />
              </colgroup>
              <tbody>
                {file.matches.map((match) => (
                  <tr key={match.offset} className="compare-changed">
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Replace line ${match.line} of ${file.id}`}
                        checked={chosen.get(file.id)?.has(match.offset) ?? false}
                        onChange={(event) => toggle(file.id, match.offset, event.target.checked)}
                      />
                    </td>
                    <td className="compare-line">{match.line}</td>
                    <td className="compare-text compare-left">{match.before}</td>
                    <td className="compare-line">{match.line}</td>
                    <td className="compare-text compare-right">{match.after}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="modal-actions">
        <button type="button" disabled={count === 0} onClick={() => onApply(chosen)}>
          Apply replace
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
