import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { PostSummary } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { pickedStore, pickOnClick } from '../taxonomy/selection-store';
import { PostRow } from './post-row';

/** Two lines of title and one of date and path (see renderer/ui/post-list.css). */
const rowHeight = 72;

/**
 * The posts as a list box named "Posts", virtualized so only the rows in view exist in the page
 * (10,000 posts scroll like 10). Arrow keys, Home/End and Page keys move the active row; Enter or
 * a click opens it.
 */
export function PostList({
  posts,
  selectedId,
  unsavedIds,
  onOpen,
}: {
  posts: readonly PostSummary[];
  selectedId: string | null;
  /** The post whose text has edits not on disk, marked in its row. */
  /** The posts open in tabs with unsaved text. */
  unsavedIds: ReadonlySet<string>;
  onOpen: (id: string) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const baseId = useId();
  const [activeId, setActiveId] = useState<string | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render only
  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
    getItemKey: (index) => posts[index]?.id ?? index,
  });

  const wanted = activeId ?? selectedId;
  const found = wanted === null ? -1 : posts.findIndex((post) => post.id === wanted);
  const activeIndex = found >= 0 ? found : posts.length > 0 ? 0 : -1;
  const optionId = (index: number): string => `${baseId}-option-${index}`;
  const items = virtualizer.getVirtualItems();
  const activeRendered = items.some((item) => item.index === activeIndex);

  const moveTo = (index: number): void => {
    if (posts.length === 0) return;
    const next = Math.max(0, Math.min(posts.length - 1, index));
    setActiveId(posts[next]!.id);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const picked = useStore(pickedStore, (state) => state.ids);
  const open = (index: number, click?: { ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): void => {
    const post = posts[index];
    if (!post || (click && pickOnClick(posts, index, click))) return;
    setActiveId(post.id);
    onOpen(post.id);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? rowHeight) / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      PageDown: activeIndex + page,
      PageUp: activeIndex - page,
      Home: 0,
      End: posts.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(activeIndex);
    }
  };

  return (
    <div
      ref={scrollRef}
      role="listbox"
      aria-label="Posts"
      tabIndex={0}
      aria-activedescendant={activeRendered ? optionId(activeIndex) : undefined}
      className="post-list-rows"
      onKeyDown={onKeyDown}
    >
      <div role="presentation" className="post-list-sizer" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const post = posts[item.index]!;
          return (
            <PostRow
              key={item.key}
              post={post}
              optionId={optionId(item.index)}
              index={item.index}
              count={posts.length}
              selected={post.id === selectedId}
              picked={picked.includes(post.id)}
              unsaved={unsavedIds.has(post.id)}
              active={item.index === activeIndex}
              top={item.start}
              onOpen={open}
            />
          );
        })}
      </div>
    </div>
  );
}
