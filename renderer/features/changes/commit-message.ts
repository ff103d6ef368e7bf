import type { GitFile } from '../../../shared/api-git';

const verbs = {
  new: 'Add',
  modified: 'Update',
  deleted: 'Delete',
  renamed: 'Rename',
  conflicted: 'Resolve',
} as const;

/**
 * The commit message offered for the ticked files, from the posts' titles: one line for one file
 * ("Update My post"), else a summary line and one line per file.
 */
export function suggestCommitMessage(
  files: readonly GitFile[],
  titleOf: (id: string) => string | null,
): string {
  const lines = files.map((file) => {
    const title = file.id === null ? null : titleOf(file.id);
    return `${verbs[file.state]} ${title && title.trim() !== '' ? title.trim() : file.path}`;
  });
  if (lines.length <= 1) return lines[0] ?? '';
  const posts = files.filter((file) => file.id !== null && titleOf(file.id) !== null).length;
  const head = posts === files.length ? `Update ${posts} posts` : `Update ${files.length} files`;
  return `${head}\n\n${lines.map((line) => `- ${line}`).join('\n')}`;
}
