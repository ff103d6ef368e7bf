import { Fragment, useEffect, useMemo, useState } from 'react';
import type { FrontMatterFormat, PostdeskApi, SchemaField } from '../../../shared/api';
import { nowLike } from '../../../shared/post/front-matter/date-text';
import {
  frontMatterNotes,
  readFrontMatter,
  removeIn,
  setIn,
  writeFrontMatter,
} from '../../../shared/post/front-matter/front-matter-edit';
import type { FmMap, FmValue } from '../../../shared/post/front-matter/located-tree';
import { splitFrontMatter } from '../../../shared/post/split-front-matter';
import { validateFrontMatter } from '../../../shared/post/front-matter/validate-front-matter';
import { useStore } from '../../state/create-store';
import { isDirty, type DocumentState } from '../../state/document-store';
import type { Store } from '../../state/create-store';
import { useAppState } from '../../state/app-state-context';
import { AddFieldRow } from './add-field-row';
import { FieldEditor } from './field-editor';
import type { FieldPath, Suggestions } from './field-path';
import { RawFrontMatterEditor } from './raw-front-matter-editor';
import { ReadOnlyField } from './read-only-field';
import { useSiteSchema } from './use-site-schema';
import './front-matter-form.css';

/**
 * The text a form edit starts from: the block as saved on disk when the current text is exactly
 * what the form would have made of it (so typing through a value that needed quotes does not leave
 * quotes behind), else the current text (which keeps edits made in raw mode).
 */
function editBase(
  documentStore: Store<DocumentState>,
  raw: string,
  format: FrontMatterFormat,
  data: FmMap | null,
): string {
  const state = documentStore.get();
  if (state.status !== 'open' || data === null) return raw;
  const saved = state.doc.savedText;
  const split = splitFrontMatter(saved);
  if (split.format !== format || split.error !== null) return raw;
  const savedRaw = saved.slice(split.rawStart, split.rawEnd);
  if (savedRaw === raw) return raw;
  try {
    return writeFrontMatter(savedRaw, format, data) === raw ? savedRaw : raw;
  } catch {
    return raw;
  }
}

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/**
 * The front matter of the open post as a form (one field per key, typed by key, value and the site
 * schema) or as text (raw mode). Every edit is written back in place through the lossless writer,
 * so untouched keys, comments and formatting keep their bytes. Problems show beside their fields;
 * saving stays allowed.
 */
export function FrontMatterForm({
  raw,
  format,
  api,
}: {
  raw: string;
  format: FrontMatterFormat | null;
  api: PostdeskApi;
}) {
  const schema = useSiteSchema(api);
  const { library, documents } = useAppState();
  const documentStore = documents.active;
  const { setFrontMatterRaw } = documents;
  const posts = useStore(library.store, (value) => value.posts);
  const postId = useStore(documentStore, (state) => (state.status === 'open' ? state.doc.id : ''));
  const [rawMode, setRawMode] = useState(false);
  const [writeError, setWriteError] = useState<string | null>(null);
  const read = useMemo(() => (format ? readFrontMatter(raw, format) : null), [raw, format]);
  const data: FmMap | null = read?.ok ? read.data : null;
  const notes = useMemo(() => (format ? frontMatterNotes(raw, format) : []), [raw, format]);
  const fields = useMemo(
    () => new Map<string, SchemaField>(schema.fields.map((field) => [field.name, field])),
    [schema],
  );
  const problems = useMemo(() => (data ? validateFrontMatter(data, schema.fields) : []), [data, schema]);
  const suggestions: Suggestions = useMemo(
    () => ({
      tags: unique(posts.flatMap((post) => post.tags)),
      categories: unique(posts.flatMap((post) => post.categories ?? [])),
    }),
    [posts],
  );

  const autoField = schema.autoUpdateField;
  useEffect(() => {
    if (!autoField) return undefined;
    const onKey = (event: KeyboardEvent): void => {
      if (!((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 's')) return;
      const state = documentStore.get();
      if (state.status !== 'open' || !isDirty(state.doc)) return;
      const split = splitFrontMatter(state.doc.text);
      if (split.format === null || split.error !== null) return;
      const current = state.doc.text.slice(split.rawStart, split.rawEnd);
      const currentRead = readFrontMatter(current, split.format);
      if (!currentRead.ok) return;
      const before = currentRead.data[autoField];
      const stamp = nowLike(typeof before === 'string' ? before : null);
      try {
        setFrontMatterRaw(
          writeFrontMatter(current, split.format, setIn(currentRead.data, [autoField], stamp)),
        );
      } catch {
        // the save goes ahead without the stamp; the form shows nothing new to fix
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [autoField, documentStore, setFrontMatterRaw]);

  if (!format || !read) return <p className="front-matter-empty">This post has no front matter.</p>;

  const commit = (next: FmMap): void => {
    try {
      setFrontMatterRaw(writeFrontMatter(editBase(documentStore, raw, format, data), format, next));
      setWriteError(null);
    } catch (error) {
      setWriteError((error as Error).message);
    }
  };
  const change = (path: FieldPath, value: FmValue): void => {
    if (data) commit(setIn(data, path, value));
  };
  const remove = (path: FieldPath): void => {
    if (data) commit(removeIn(data, path));
  };

  const showRaw = rawMode || !read.ok;
  const problemOf = (key: string): string | undefined =>
    problems
      .filter((problem) => problem.key === key)
      .map((problem) => problem.message)
      .join(' ') || undefined;
  const missing = problems.filter((problem) => data && !(problem.key in data));

  return (
    <section className="fm-panel" aria-label="Front matter">
      <div className="fm-toolbar">
        <span className="fm-format">{format.toUpperCase()} front matter</span>
        <button
          type="button"
          aria-pressed={showRaw}
          disabled={!read.ok && showRaw}
          title={!read.ok ? 'Fix the text before going back to the form' : undefined}
          onClick={() => setRawMode(!showRaw)}
        >
          {showRaw ? 'Edit as form' : 'Edit as text'}
        </button>
        {problems.length > 0 ? (
          <span className="fm-badge" role="note">
            {problems.length === 1 ? '1 problem' : `${problems.length} problems`} (saving is still allowed)
          </span>
        ) : null}
      </div>
      {writeError ? (
        <p role="alert" className="fm-problem">
          {writeError}
        </p>
      ) : null}
      {showRaw ? (
        <RawFrontMatterEditor raw={raw} format={format} onChange={setFrontMatterRaw} />
      ) : (
        <form
          className="fm-form"
          aria-label="Front matter fields"
          onSubmit={(event) => event.preventDefault()}
        >
          {missing.map((problem) => (
            <p key={`missing-${problem.key}`} className="fm-problem">
              {problem.message}
            </p>
          ))}
          {Object.entries(data ?? {})
            .filter(([key]) => !fields.get(key)?.hidden)
            .map(([key, value]) => {
              const own = notes.filter((note) => note.path.length === 1 && note.path[0] === key);
              const tag = own.find((note) => note.kind === 'tag');
              if (tag) {
                return (
                  <ReadOnlyField
                    key={key}
                    path={[key]}
                    name={key}
                    tag={tag.name}
                    text={tag.text}
                    onRemove={remove}
                  />
                );
              }
              const shared = own.find((note) => note.kind !== 'tag');
              return (
                <Fragment key={key}>
                  <FieldEditor
                    path={[key]}
                    name={key}
                    value={value}
                    field={fields.get(key)}
                    problem={problemOf(key)}
                    suggestions={suggestions}
                    postId={postId}
                    onChange={change}
                    onRemove={remove}
                  />
                  {shared ? (
                    <p className="fm-note" role="note">
                      {key}: {shared.text}
                    </p>
                  ) : null}
                </Fragment>
              );
            })}
          <AddFieldRow
            label="New field"
            existing={Object.keys(data ?? {})}
            schemaFields={schema.fields}
            onAdd={(key, value) => change([key], value)}
          />
        </form>
      )}
    </section>
  );
}
