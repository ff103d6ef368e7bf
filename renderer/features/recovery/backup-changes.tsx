import { diffLines } from 'diff';
import { useMemo } from 'react';

const maxLines = 400;

/** What a backup changes against the file on disk, as removed (-) and added (+) lines. */
export function BackupChanges({ diskText, text }: { diskText: string | null; text: string }) {
  const lines = useMemo(() => {
    const out: { kind: 'added' | 'removed'; line: string }[] = [];
    for (const part of diffLines(diskText ?? '', text)) {
      if (!part.added && !part.removed) continue;
      const kind = part.added ? 'added' : 'removed';
      for (const line of part.value.replace(/\n$/, '').split('\n')) out.push({ kind, line });
    }
    return out;
  }, [diskText, text]);
  if (diskText === null) return <p className="backup-note">The file is no longer on disk.</p>;
  if (lines.length === 0) return <p className="backup-note">Same as the file on disk.</p>;
  return (
    <pre className="backup-changes" aria-label="Changes against the file on disk">
      {lines.slice(0, maxLines).map((entry, index) => (
        <span key={index} className={`backup-line ${entry.kind}`}>
          {entry.kind === 'added' ? '+ ' : '- '}
          {entry.line}
          {'\n'}
        </span>
      ))}
      {lines.length > maxLines ? `… ${lines.length - maxLines} more changed lines\n` : null}
    </pre>
  );
}
