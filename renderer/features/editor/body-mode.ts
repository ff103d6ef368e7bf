import type { BodyKind } from '../../../shared/api';
import { createStore, useStore } from '../../state/create-store';

/** The writer's choice of mode per post id, over the kind detected from the file type and content. */
const chosenModes = createStore<ReadonlyMap<string, BodyKind>>(new Map());

/** Chooses the body mode of post `id` (for the editor, the toolbar and the preview). */
export function chooseBodyMode(id: string, kind: BodyKind): void {
  chosenModes.set((previous) => new Map(previous).set(id, kind));
}

/**
 * The mode of the open post: the writer's choice if any, else the kind the library detected (by
 * file type and content, shared/post/body-kind.ts); and a function that changes it.
 */
export function useBodyMode(
  doc: { id: string; bodyKind: BodyKind } | null,
): [BodyKind, (kind: BodyKind) => void] {
  const chosen = useStore(chosenModes, (modes) => (doc ? modes.get(doc.id) : undefined));
  const kind = chosen ?? doc?.bodyKind ?? 'markdown';
  const id = doc?.id ?? null;
  return [kind, (next) => (id === null ? undefined : chooseBodyMode(id, next))];
}
