import './locked-front-matter.css';

/**
 * A front matter block Postdesk does not edit (`---js`, `---json`, Liquid in values), shown as
 * read-only code with a one-line reason; its bytes never change (the body stays editable).
 */
export function LockedFrontMatter({ raw, reason }: { raw: string; reason: string }) {
  return (
    <section className="fm-panel locked-front-matter" aria-label="Front matter">
      <p className="locked-front-matter-reason" role="note">
        {reason}
      </p>
      <pre className="locked-front-matter-code" tabIndex={0} aria-label="Front matter (read-only)">
        <code>{raw}</code>
      </pre>
    </section>
  );
}
