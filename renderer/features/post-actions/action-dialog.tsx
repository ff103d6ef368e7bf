import { useId, type CSSProperties, type FormEvent, type ReactNode } from 'react';

const overlay: CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(0, 0, 0, 0.35)',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  zIndex: 10,
};
const panel: CSSProperties = {
  background: 'Canvas',
  color: 'CanvasText',
  padding: '1rem 1.25rem',
  borderRadius: 6,
  minWidth: 320,
  maxWidth: '90vw',
  maxHeight: '80vh',
  overflow: 'auto',
  display: 'flex',
  flexDirection: 'column',
  gap: '0.6rem',
};

/**
 * A modal dialog (role dialog, named by its title) holding a form: Enter submits, Escape and
 * Cancel close it, and an error from the last submit is shown as an alert inside it.
 */
export function ActionDialog({
  title,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  submitLabel: string | null;
  busy: boolean;
  error: string | null;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!busy) onSubmit();
  };
  return (
    <div style={overlay}>
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        style={panel}
        onSubmit={submit}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId} style={{ margin: 0, fontSize: '1.1rem' }}>
          {title}
        </h2>
        {children}
        {error ? <p role="alert">{error}</p> : null}
        <div style={{ display: 'flex', gap: '0.5rem', justifyContent: 'flex-end' }}>
          <button type="button" onClick={onClose}>
            {submitLabel === null ? 'Close' : 'Cancel'}
          </button>
          {submitLabel === null ? null : (
            <button type="submit" disabled={busy}>
              {submitLabel}
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
