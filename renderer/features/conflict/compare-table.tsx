import { useMemo } from 'react';
import { diffLines, sideBySide } from './line-diff';

/** Two texts side by side, line numbers on each side and changed lines marked (the compare view). */
export function CompareTable({
  left,
  right,
  leftLabel,
  rightLabel,
}: {
  left: string;
  right: string;
  leftLabel: string;
  rightLabel: string;
}) {
  const rows = useMemo(() => sideBySide(diffLines(left, right)), [left, right]);
  return (
    <div className="compare-scroll">
      <table className="compare-table">
        <colgroup>
          <col className="compare-number-column" />
          <col />
          <col className="compare-number-column" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th colSpan={2} scope="colgroup">
              {leftLabel}
            </th>
            <th colSpan={2} scope="colgroup">
              {rightLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index} className={`compare-${row.kind}`}>
              <td className="compare-line">{row.left?.line ?? ''}</td>
              <td className="compare-text compare-left">{row.left?.text ?? ''}</td>
              <td className="compare-line">{row.right?.line ?? ''}</td>
              <td className="compare-text compare-right">{row.right?.text ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
