import { createStore } from '../../state/create-store';

/** The user's choice about unsaved changes. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** The question on screen, if any. */
export interface UnsavedQuestion {
  /** The first post asked about. */
  id: string;
  /** Every post asked about (one or more). */
  ids: string[];
  answer(choice: UnsavedChoice): void;
}

/** The Save / Don't Save / Cancel question being asked (null when none). */
export const unsavedQuestion = createStore<UnsavedQuestion | null>(null);

/**
 * Asks Save / Don't Save / Cancel about post `id` (or several posts at once); a question already on
 * screen is cancelled first.
 */
export function askAboutUnsaved(id: string | readonly string[]): Promise<UnsavedChoice> {
  unsavedQuestion.get()?.answer('cancel');
  const ids = typeof id === 'string' ? [id] : [...id];
  return new Promise((resolve) => {
    const question: UnsavedQuestion = {
      id: ids[0] ?? '',
      ids,
      answer(choice) {
        if (unsavedQuestion.get() === question) unsavedQuestion.set(null);
        resolve(choice);
      },
    };
    unsavedQuestion.set(question);
  });
}
