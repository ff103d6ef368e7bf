import { useEffect } from 'react';
import type { HostCapabilities } from '../../../shared/api';
import type { AppState } from '../../state/app-state';
import { isDirty, type DocumentsModel } from '../../state/document-store';
import { paletteStore } from '../palette/palette-store';
import { postActionsDialog } from '../post-actions/post-actions-bar';
import { setThemePreference } from '../theme/theme-store';
import { commandRegistry, type Command } from './command-registry';
import { openEditorSearch } from './editor-search';
import { editorSettings, toggleEditorSetting } from '../editor/editor-settings';
import { closeDocument, confirmLeave } from './leave-document';

function openPostId(documents: DocumentsModel): string {
  const state = documents.active.get();
  if (state.status !== 'open') throw new Error('Open a post first.');
  return state.doc.id;
}

/** Opens post `id` in its own tab, or shows its tab when it is open (other tabs keep their text). */
export async function switchToPost(app: AppState, id: string): Promise<void> {
  await app.documents.open(id);
}

/** The tab keys: Ctrl+W closes, Ctrl+Tab / Ctrl+PageDown next, Ctrl+Shift+Tab / Ctrl+PageUp previous. */
function tabKey(event: KeyboardEvent): 'close' | 'next' | 'previous' | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (event.key === 'Tab') return event.shiftKey ? 'previous' : 'next';
  if (event.shiftKey) return null;
  if (event.key === 'PageDown') return 'next';
  if (event.key === 'PageUp') return 'previous';
  return event.key.toLowerCase() === 'w' ? 'close' : null;
}

/**
 * Registers the app's commands, runs the native menu's `menuCommand` events through them, answers
 * the main process's `closeRequested` questions, and binds Ctrl+P (quick open) and Ctrl+Shift+P
 * (command palette), and the tab keys (Ctrl+W, Ctrl+Tab, Ctrl+Shift+Tab, Ctrl+PageDown/PageUp).
 */
export function useAppCommands(
  app: AppState,
  capabilities: HostCapabilities,
  afterSave: () => Promise<void>,
): void {
  useEffect(() => {
    const { api, documents, view } = app;
    const canReveal = (): boolean => capabilities.reveal;
    const nativeWindow = capabilities.nativeWindow;
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
        run: () => documents.save().then(afterSave),
      },
      { id: 'post.close', title: 'Close Post', keys: 'Ctrl+W', run: () => closeDocument(app) },
      { id: 'tabs.next', title: 'Next Tab', keys: 'Ctrl+Tab', run: () => documents.cycle(1) },
      { id: 'tabs.previous', title: 'Previous Tab', keys: 'Ctrl+Shift+Tab', run: () => documents.cycle(-1) },
      {
        id: 'post.reveal',
        title: 'Reveal in Folder',
        keys: 'Shift+Alt+R',
        available: canReveal,
        run: async () => {
          await api.revealPost({ id: openPostId(documents) });
        },
      },
      { id: 'edit.find', title: 'Find', keys: 'Ctrl+F', run: () => openEditorSearch(false) },
      { id: 'edit.replace', title: 'Replace', keys: 'Ctrl+H', run: () => openEditorSearch(true) },
      {
        id: 'view.togglePreview',
        title: 'Toggle Preview',
        keys: 'Ctrl+Shift+V',
        run: () => view.togglePane('preview'),
      },
      {
        id: 'view.toggleForm',
        title: 'Toggle Front Matter Form',
        keys: 'Ctrl+Shift+E',
        run: () => view.togglePane('form'),
      },
      {
        id: 'editor.indentWithTab',
        title: 'Toggle Indent with Tab',
        detail: () => (editorSettings.get().indentWithTab ? 'on: Tab indents' : 'off: Tab moves focus'),
        run: () => toggleEditorSetting('indentWithTab'),
      },
      {
        id: 'editor.spellCheck',
        title: 'Toggle Spell Check',
        detail: () => (editorSettings.get().spellCheck ? 'on' : 'off'),
        run: () => toggleEditorSetting('spellCheck'),
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
      void confirmLeave(app)
        .catch(() => false)
        .then((proceed) => api.confirmClose({ requestId, proceed }));
    });
    const onKey = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.key.toLowerCase() !== 'p') return;
      event.preventDefault();
      paletteStore.set(event.shiftKey ? 'commands' : 'posts');
    };
    window.addEventListener('keydown', onKey);
    const onTabKey = (event: KeyboardEvent): void => {
      const action = tabKey(event);
      // On the desktop the native menu's accelerator runs Close Post; the page handles it in the browser.
      if (action === null || (action === 'close' && nativeWindow)) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'close') void commandRegistry.run('post.close');
      else documents.cycle(action === 'next' ? 1 : -1);
    };
    window.addEventListener('keydown', onTabKey, true);
    // In the browser there is no main process to ask: the tab's own unload prompt guards unsaved work.
    const onUnload = (event: BeforeUnloadEvent): void => {
      documents.flushPendingBody();
      if (documents.list().some(isDirty)) event.preventDefault();
    };
    if (!nativeWindow) window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('beforeunload', onUnload);
      unregister();
      offMenu();
      offClose();
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onTabKey, true);
    };
  }, [app, capabilities, afterSave]);
}
