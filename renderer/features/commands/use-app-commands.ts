import { useEffect } from 'react';
import type { PostdeskApi } from '../../../shared/api';
import { documentStore, openDocument, saveDocument } from '../../state/document-store';
import { paletteStore } from '../palette/palette-store';
import { postActionsDialog } from '../post-actions/post-actions-bar';
import { setThemePreference } from '../theme/theme-store';
import { commandRegistry, type Command } from './command-registry';
import { openEditorSearch } from './editor-search';
import { closeDocument, confirmLeave } from './leave-document';
import { togglePane } from './view-store';

const desktopOnly = (): boolean => typeof window !== 'undefined' && window.postdesk !== undefined;

function openPostId(): string {
  const state = documentStore.get();
  if (state.status !== 'open') throw new Error('Open a post first.');
  return state.doc.id;
}

/** Opens post `id` after the open post may be left (Save / Don't Save / Cancel when unsaved). */
export async function switchToPost(api: PostdeskApi, id: string): Promise<void> {
  const state = documentStore.get();
  if (state.status === 'open' && state.doc.id === id) return;
  if (await confirmLeave(api)) await openDocument(api, id);
}

/**
 * Registers the app's commands, runs the native menu's `menuCommand` events through them, answers
 * the main process's `closeRequested` questions, and binds Ctrl+P (quick open) and Ctrl+Shift+P
 * (command palette).
 */
export function useAppCommands(api: PostdeskApi, afterSave: () => Promise<void>): void {
  useEffect(() => {
    const commands: Command[] = [
      {
        id: 'post.new',
        title: 'New Post',
        keys: 'Ctrl+N',
        run: () => postActionsDialog.set('new'),
      },
      {
        id: 'post.save',
        title: 'Save',
        keys: 'Ctrl+S',
        run: () => saveDocument(api).then(afterSave),
      },
      { id: 'post.close', title: 'Close Post', keys: 'Ctrl+W', run: () => closeDocument(api) },
      {
        id: 'post.reveal',
        title: 'Reveal in Folder',
        keys: 'Shift+Alt+R',
        available: desktopOnly,
        run: async () => {
          await api.revealPost({ id: openPostId() });
        },
      },
      { id: 'edit.find', title: 'Find', keys: 'Ctrl+F', run: () => openEditorSearch(false) },
      { id: 'edit.replace', title: 'Replace', keys: 'Ctrl+H', run: () => openEditorSearch(true) },
      {
        id: 'view.togglePreview',
        title: 'Toggle Preview',
        keys: 'Ctrl+Shift+V',
        run: () => togglePane('preview'),
      },
      {
        id: 'view.toggleForm',
        title: 'Toggle Front Matter Form',
        keys: 'Ctrl+Shift+E',
        run: () => togglePane('form'),
      },
      { id: 'theme.system', title: 'Theme: Follow System', run: () => setThemePreference('system') },
      { id: 'theme.light', title: 'Theme: Light', run: () => setThemePreference('light') },
      { id: 'theme.dark', title: 'Theme: Dark', run: () => setThemePreference('dark') },
      {
        id: 'palette.commands',
        title: 'Command Palette',
        keys: 'Ctrl+Shift+P',
        run: () => paletteStore.set('commands'),
      },
      {
        id: 'palette.quickOpen',
        title: 'Quick Open Post',
        keys: 'Ctrl+P',
        run: () => paletteStore.set('posts'),
      },
    ];
    const unregister = commandRegistry.register(commands);
    const offMenu = api.on('menuCommand', ({ command }) => void commandRegistry.run(command));
    const offClose = api.on('closeRequested', ({ requestId }) => {
      void confirmLeave(api)
        .catch(() => false)
        .then((proceed) => api.confirmClose({ requestId, proceed }));
    });
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      paletteStore.set(event.shiftKey ? 'commands' : 'posts');
    };
    window.addEventListener('keydown', onKey);
    // In the browser there is no main process to ask: the tab's own unload prompt guards unsaved work.
    const onUnload = (event: BeforeUnloadEvent): void => {
      const state = documentStore.get();
      if (state.status === 'open' && state.doc.text !== state.doc.savedText) event.preventDefault();
    };
    if (!desktopOnly()) window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      unregister();
      offMenu();
      offClose();
      window.removeEventListener('keydown', onKey);
    };
  }, [api, afterSave]);
}
