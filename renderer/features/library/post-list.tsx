import type { PostSummary } from '../../../shared/api';

/** The site's posts as a list box named "Posts" with its count; choosing a row opens that post. */
export function PostList({
  posts,
  selectedId,
  onOpen,
}: {
  posts: PostSummary[];
  selectedId: string | null;
  onOpen: (id: string) => void;
}) {
  return (
    <section className="post-list" aria-labelledby="post-list-heading">
      <header id="post-list-heading" className="post-list-header">
        {posts.length === 1 ? '1 post' : `${posts.length} posts`}
      </header>
      <ul role="listbox" aria-label="Posts" className="post-list-rows">
        {posts.map((post) => (
          <li
            key={post.id}
            role="option"
            aria-selected={post.id === selectedId}
            tabIndex={0}
            className="post-row"
            onClick={() => onOpen(post.id)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onOpen(post.id);
              }
            }}
          >
            <span className="post-title">{post.title}</span>
            <span className="post-meta">
              {post.draft ? 'Draft · ' : ''}
              {post.lastmod ?? post.date ?? ''} {post.id}
            </span>
            {post.error ? (
              <span className="post-problem" title={post.error}>
                problem
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
