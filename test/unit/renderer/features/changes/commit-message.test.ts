import { describe, expect, it } from 'vitest';
import type { GitFile } from '../../../../../shared/api-git';
import { suggestCommitMessage } from '../../../../../renderer/features/changes/commit-message';

const file = (path: string, state: GitFile['state'], id: string | null = path): GitFile => ({
  path,
  id,
  state,
  inSite: true,
  from: null,
});
const titles = new Map([
  ['content/posts/a.md', 'First post'],
  ['content/posts/b.md', 'Second post'],
]);
const titleOf = (id: string): string | null => titles.get(id) ?? null;

describe('suggestCommitMessage', () => {
  it('names one post by its title and verb', () => {
    expect(suggestCommitMessage([file('content/posts/a.md', 'modified')], titleOf)).toBe('Update First post');
    expect(suggestCommitMessage([file('content/posts/b.md', 'new')], titleOf)).toBe('Add Second post');
    expect(suggestCommitMessage([], titleOf)).toBe('');
  });

  it('sums up several files, one line each, paths for files without a title', () => {
    expect(
      suggestCommitMessage(
        [file('content/posts/a.md', 'modified'), file('content/posts/b.md', 'new')],
        titleOf,
      ),
    ).toBe('Update 2 posts\n\n- Update First post\n- Add Second post');
    expect(
      suggestCommitMessage(
        [file('content/posts/a.md', 'modified'), file('static/x.png', 'deleted')],
        titleOf,
      ),
    ).toBe('Update 2 files\n\n- Update First post\n- Delete static/x.png');
  });
});
