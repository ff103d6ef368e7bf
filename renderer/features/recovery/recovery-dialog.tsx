import { useEffect, useState } from 'react';
import type { BackupEntry, PostdeskApi } from '../../../shared/api';
import { BackupChanges } from './backup-changes';
import { restoreBackup } from './restore-backup';
import { useAppState } from '../../state/app-state-context';

/**
 * After a crash: offers each unsaved buffer backed up for the open site, showing what it changes
 * against the file on disk, to restore (as unsaved changes) or discard. Looks again whenever the
 * site changes (`siteRoot`).
 */
export function RecoveryDialog({ api, siteRoot }: { api: PostdeskApi; siteRoot: string | null }) {
  const { documents } = useAppState();
  const [found, setFound] = useState<{ root: string; entries: BackupEntry[] } | null>(null);
  useEffect(() => {
    if (siteRoot === null) return;
    let current = true;
    api
      .listBackups({})
      .then((list) => {
        if (current)
          setFound({ root: siteRoot, entries: list.filter((entry) => entry.text !== entry.diskText) });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [api, siteRoot]);
  const entries = found && found.root === siteRoot ? found.entries : [];
  if (entries.length === 0) return null;
  const remove = (id: string): void =>
    setFound((last) => last && { ...last, entries: last.entries.filter((entry) => entry.id !== id) });
  return (
    <div className="modal-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="recovery-title" className="modal recovery">
        <h2 id="recovery-title">Restore unsaved changes?</h2>
        <p>Postdesk did not close normally. These posts had changes that were not saved:</p>
        <ul className="recovery-list">
          {entries.map((entry) => (
            <li key={entry.id} className="recovery-entry" aria-label={entry.id}>
              <h3>{entry.id}</h3>
              <p className="backup-note">Backed up {new Date(entry.savedAt).toLocaleString()}</p>
              <BackupChanges diskText={entry.diskText} text={entry.text} />
              <div className="modal-buttons">
                <button
                  type="button"
                  disabled={entry.diskText === null}
                  onClick={() => {
                    remove(entry.id);
                    void restoreBackup(documents, entry);
                  }}
                >
                  Restore {entry.id}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    remove(entry.id);
                    void api.dropBackup({ id: entry.id }).catch(() => undefined);
                  }}
                >
                  Discard {entry.id}
                </button>
              </div>
            </li>
          ))}
        </ul>
        <div className="modal-buttons">
          <button type="button" onClick={() => setFound(null)}>
            Decide later
          </button>
        </div>
      </div>
    </div>
  );
}
