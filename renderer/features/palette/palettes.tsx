import type { PostSummary } from '../../../shared/api';
import { useStore } from '../../state/create-store';
import { commandRegistry, shownKeys } from '../commands/command-registry';
import { PaletteDialog } from './palette-dialog';
import { paletteStore } from './palette-store';

/** The open palette, if any: the command palette (Ctrl+Shift+P) or quick open of posts (Ctrl+P). */
export function Palettes({ posts, onOpenPost }: { posts: PostSummary[]; onOpenPost: (id: string) => void }) {
  const mode = useStore(paletteStore);
  const close = (): void => paletteStore.set(null);
  if (mode === 'commands') {
    const items = commandRegistry
      .list()
      .filter((command) => !command.id.startsWith('palette.'))
      .map((command) => {
        const keys = shownKeys(command.keys, window.postdesk !== undefined);
        const state = command.detail?.();
        return {
          key: command.id,
          label: command.title,
          detail: [state, keys].filter((part) => part !== undefined).join(' · ') || undefined,
        };
      });
    return (
      <PaletteDialog
        title="Command Palette"
        placeholder="Type a command"
        items={items}
        onClose={close}
        onChoose={(item) => {
          close();
          void commandRegistry.run(item.key);
        }}
      />
    );
  }
  if (mode === 'posts') {
    const items = posts.map((post) => ({ key: post.id, label: post.title || post.id, detail: post.id }));
    return (
      <PaletteDialog
        title="Quick Open"
        placeholder="Type a post title or path"
        items={items}
        onClose={close}
        onChoose={(item) => {
          close();
          onOpenPost(item.key);
        }}
      />
    );
  }
  return null;
}
