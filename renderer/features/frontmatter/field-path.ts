/** A key path into front matter data: map keys and list indexes. */
export type FieldPath = readonly (string | number)[];

/** Called with the path of a field and its new value. */
export type FieldChange = (
  path: FieldPath,
  value: import('../../../shared/post/front-matter/located-tree').FmValue,
) => void;

/** Called with the path of a field to remove. */
export type FieldRemove = (path: FieldPath) => void;

/** Values used across the site for a key (tags, categories), offered as autocomplete. */
export type Suggestions = Readonly<Record<string, readonly string[]>>;
