import { useEffect, useRef } from 'react';

/**
 * A ref for a native `<dialog>` that is shown modally (focus kept inside, Escape cancels) while the
 * component is mounted, and closed when it unmounts.
 */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}
