import { useMemo } from 'react';
import { diffLines, sideBySide } from './line-diff';
import { CompareTable } from './compare-table';
import { ModalDialog } from './modal-dialog';

/** Shows the file on disk and the user's text side by side, changed lines marked, with the two ways out. */
export function CompareDialog({
  id,
  diskText,
  mine,
  onReload,
  onOverwrite,
  onClose,
}: {
  id: string;
  diskText: string;
  mine: string;
  onReload: () => void;
  onOverwrite: () => void;
  onClose: () => void;
}) {
  const rows = useMemo(() => sideBySide(diffLines(diskText, mine)), [diskText, mine]);
  const changes = rows.filter((row) => row.kind !== 'same').length;
  return (
    <ModalDialog title={`Compare ${id}`} className="compare-dialog" onClose={onClose}>
      <p className="compare-summary">
        {changes === 1 ? '1 line differs' : `${changes} lines differ`} between the disk and your text.
      </p>
      <CompareTable left={diskText} right={mine} leftLabel="On disk" rightLabel="Yours" />
      <div className="modal-actions">
        <button type="button" onClick={onReload}>
          Reload (discard mine)
        </button>
        <button type="button" onClick={onOverwrite}>
          Overwrite (save mine)
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </ModalDialog>
  );
}
