import type { EditPreview } from '../../../shared/api-search';

/** The posts a front matter edit changes, each with its changed lines side by side, and the refused ones. */
export function EditFilesTable({ preview }: { preview: EditPreview }) {
  return (
    <>
      {preview.skipped.length > 0 ? (
        <ul aria-label="Skipped posts">
          {preview.skipped.map((file) => (
            <li key={file.id}>
              {file.id}: {file.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="compare-scroll">
        {preview.files.map((file) => (
          <section key={file.id} aria-label={file.id} className="replace-file">
            <h4>
              {file.title} <span className="taxonomy-fields">{file.id}</span>
            </h4>
            <table className="compare-table">
              <tbody>
                {file.changes.map((line) => (
                  <tr key={line.line} className="compare-changed">
                    <td className="compare-line">{line.line}</td>
                    <td className="compare-text compare-left">{line.before ?? ''}</td>
                    <td className="compare-text compare-right">{line.after ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </>
  );
}
