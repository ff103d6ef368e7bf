import type { ChangeEvent } from 'react';
import { postSorts, type DraftFilter, type PostFacets, type PostQuery, type PostSort } from './post-query';

/** The list's search box, sort menu and filters; every change goes to `onChange` as a patch. */
export function PostListControls({
  query,
  facets,
  onChange,
}: {
  query: PostQuery;
  facets: PostFacets;
  onChange: (change: Partial<PostQuery>) => void;
}) {
  const choose =
    (key: 'section' | 'tag' | 'author') =>
    (event: ChangeEvent<HTMLSelectElement>): void =>
      onChange({ [key]: event.target.value });
  return (
    <div className="post-list-controls">
      <input
        type="search"
        className="post-search"
        aria-label="Search posts"
        placeholder="Search title, path, author, tag"
        value={query.search}
        onChange={(event) => onChange({ search: event.target.value })}
      />
      <div className="post-list-filters">
        <select
          aria-label="Sort"
          value={query.sort}
          onChange={(event) => onChange({ sort: event.target.value as PostSort })}
        >
          {postSorts.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <select
          aria-label="Drafts"
          value={query.draft}
          onChange={(event) => onChange({ draft: event.target.value as DraftFilter })}
        >
          <option value="any">Any status</option>
          <option value="draft">Drafts only</option>
          <option value="published">Published only</option>
        </select>
        <FacetSelect
          label="Section"
          all="All sections"
          value={query.section}
          values={facets.sections}
          onChange={choose('section')}
        />
        <FacetSelect
          label="Tag"
          all="All tags"
          value={query.tag}
          values={facets.tags}
          onChange={choose('tag')}
        />
        <FacetSelect
          label="Author"
          all="All authors"
          value={query.author}
          values={facets.authors}
          onChange={choose('author')}
        />
        <label className="post-problems-filter">
          <input
            type="checkbox"
            checked={query.problems}
            onChange={(event) => onChange({ problems: event.target.checked })}
          />
          Has problems
        </label>
        <label className="post-changed-filter">
          <input
            type="checkbox"
            checked={query.changed}
            onChange={(event) => onChange({ changed: event.target.checked })}
          />
          Changed
        </label>
      </div>
    </div>
  );
}

function FacetSelect({
  label,
  all,
  value,
  values,
  onChange,
}: {
  label: string;
  all: string;
  value: string;
  values: string[];
  onChange: (event: ChangeEvent<HTMLSelectElement>) => void;
}) {
  // A stored choice the site no longer has stays selectable, so the filter is visible and clearable.
  const options = value !== '' && !values.includes(value) ? [value, ...values] : values;
  return (
    <select aria-label={label} value={value} onChange={onChange}>
      <option value="">{all}</option>
      {options.map((option) => (
        <option key={option} value={option}>
          {option}
        </option>
      ))}
    </select>
  );
}
