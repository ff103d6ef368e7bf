/** What was typed into a palette before its code loaded: the filter text, and whether Enter was pressed. */
export interface PaletteDraft {
  query: string;
  enter: boolean;
}

let draft: PaletteDraft = { query: '', enter: false };

/** Records what was typed into the palette while its code loads. */
export function keepPaletteDraft(next: PaletteDraft): void {
  draft = next;
}

/** Answers what was typed while the palette loaded, and forgets it (each palette takes it once). */
export function takePaletteDraft(): PaletteDraft {
  const taken = draft;
  draft = { query: '', enter: false };
  return taken;
}
