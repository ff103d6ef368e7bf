import { useEffect, useState } from 'react';
import type { DiagnosticEntry, HostCapabilities, PostdeskApi } from '../../../shared/api';
import { useModal } from '../dialogs/use-modal';
import { copyText } from '../images/copy-text';
import { diagnosticsReport } from './diagnostics-report';
import './postdesk-problems.css';

const shown = 50;

/**
 * "Problems with Postdesk": a button that appears once the library recorded a background failure
 * (the watcher, the index, the checks), opening a list of the recent ones and a "Copy report" button.
 */
export function PostdeskProblems({
  api,
  capabilities,
}: {
  api: PostdeskApi;
  capabilities: HostCapabilities;
}) {
  const [entries, setEntries] = useState<DiagnosticEntry[]>([]);
  const [logFile, setLogFile] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    let live = true;
    const off = api.on('diagnostics', ({ entry }) => setEntries((list) => [...list, entry].slice(-shown)));
    void api
      .listDiagnostics({})
      .then((list) => {
        if (!live) return;
        setLogFile(list.logFile);
        setEntries((pushed) =>
          [...list.entries, ...pushed.filter((entry) => !list.entries.includes(entry))].slice(-shown),
        );
      })
      .catch(() => undefined);
    return () => {
      live = false;
      off();
    };
  }, [api]);
  if (entries.length === 0) return null;
  return (
    <>
      <button type="button" className="postdesk-problems-button" onClick={() => setOpen(true)}>
        Problems with Postdesk ({entries.length})
      </button>
      {open ? (
        <ProblemsDialog
          entries={entries}
          report={diagnosticsReport(entries, {
            host: capabilities.host,
            logFile,
            userAgent: navigator.userAgent,
          })}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}

function ProblemsDialog({
  entries,
  report,
  onClose,
}: {
  entries: DiagnosticEntry[];
  report: string;
  onClose: () => void;
}) {
  const ref = useModal();
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <dialog ref={ref} className="postdesk-problems" aria-label="Problems with Postdesk" onClose={onClose}>
      <h2>Problems with Postdesk</h2>
      <p>Things that went wrong in the background. Your posts were not changed by them.</p>
      <ol className="postdesk-problems-list">
        {[...entries].reverse().map((entry, index) => (
          <li key={`${entry.time}-${index}`}>
            <time dateTime={entry.time}>{new Date(entry.time).toLocaleTimeString()}</time>{' '}
            <span className="postdesk-problems-operation">{entry.operation}</span>
            {entry.postId ? <span className="postdesk-problems-post"> {entry.postId}</span> : null}:{' '}
            {entry.message}
          </li>
        ))}
      </ol>
      <div className="postdesk-problems-actions">
        <button
          type="button"
          onClick={() =>
            void copyText(report).then(
              () => setCopied('The report is on the clipboard.'),
              (error: unknown) => setCopied(`Could not copy: ${String(error)}`),
            )
          }
        >
          Copy report
        </button>
        <button type="button" onClick={onClose}>
          Close
        </button>
        {copied ? <span role="status">{copied}</span> : null}
      </div>
    </dialog>
  );
}
