import { useId, type ReactNode } from 'react';
import { useModal } from '../dialogs/use-modal';

/**
 * A modal dialog (the native `<dialog>` shown with showModal: focus kept inside, Escape closes)
 * named by its title; `onClose` is called when the user dismisses it.
 */
export function ModalDialog({
  title,
  className,
  onClose,
  children,
}: {
  title: string;
  className?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useModal();
  const titleId = useId();
  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}
