import { useEffect, useRef } from 'react';

/**
 * A ref for a native `<dialog>` that is shown modally (focus kept inside, Escape cancels) while the
 * component is mounted, and closed when it unmounts. Safe under React's StrictMode, which unmounts
 * and mounts every effect once more on mount: a `close()` in that first cleanup would queue a
 * `close` event that fires after the dialog is shown again, and the dialog's `onClose` would then
 * close it the moment it opened. So the cleanup closes only a dialog that stays in the page with no
 * effect mounted again (a dialog removed from the page leaves the top layer with it).
 */
export function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  const mounted = useRef(false);
  useEffect(() => {
    const dialog = ref.current;
    mounted.current = true;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current && dialog?.isConnected && dialog.open) dialog.close();
      });
    };
  }, []);
  return ref;
}
