import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api';

/** What the menu's items do: renderer commands go through `send`, the rest are the shell's own. */
export interface MenuActions {
  /** Sends a command to the renderer's command registry. */
  send(command: MenuCommand): void;
  openSite(): void;
  openRecent(folder: string): void;
  clearRecent(): void;
  about(): void;
}

/**
 * The native menu: File, Edit, View and Help with the accelerators of issue 6 (and the app menu on
 * macOS). Commands that act on the post (New, Save, Close, Reveal, Find, Replace, toggles, theme,
 * palettes) reach the renderer as `menuCommand` events; the rest are Electron roles or the shell's.
 */
export function buildMenuTemplate(
  actions: MenuActions,
  recentSites: readonly string[],
  platform: NodeJS.Platform,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send(name),
  });
  const recent: MenuItemConstructorOptions[] =
    recentSites.length === 0
      ? [{ label: 'No Recent Sites', enabled: false }]
      : recentSites.map((folder) => ({
          label: `${path.basename(folder)} — ${folder}`,
          click: () => actions.openRecent(folder),
        }));
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Postdesk',
      submenu: [
        { label: 'About Postdesk', click: () => actions.about() },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push(
    {
      label: '&File',
      submenu: [
        command('New Post', 'post.new', 'CmdOrCtrl+N'),
        { label: 'Open Site…', accelerator: 'CmdOrCtrl+O', click: () => actions.openSite() },
        {
          label: 'Open Recent',
          submenu: [
            ...recent,
            { type: 'separator' },
            { label: 'Clear Recent', enabled: recentSites.length > 0, click: () => actions.clearRecent() },
          ],
        },
        command('Quick Open Post…', 'palette.quickOpen', 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('Save', 'post.save', 'CmdOrCtrl+S'),
        command('Close Post', 'post.close', 'CmdOrCtrl+W'),
        command('Reveal in Folder', 'post.reveal', 'Shift+Alt+R'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { role: 'redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y' },
        { type: 'separator' },
        { role: 'cut', accelerator: 'CmdOrCtrl+X' },
        { role: 'copy', accelerator: 'CmdOrCtrl+C' },
        { role: 'paste', accelerator: 'CmdOrCtrl+V' },
        { role: 'selectAll', accelerator: 'CmdOrCtrl+A' },
        { type: 'separator' },
        command('Find', 'edit.find', 'CmdOrCtrl+F'),
        command('Replace', 'edit.replace', mac ? 'Alt+Cmd+F' : 'Ctrl+H'),
      ],
    },
    {
      label: '&View',
      submenu: [
        command('Command Palette…', 'palette.commands', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        command('Toggle Preview', 'view.togglePreview', 'CmdOrCtrl+Shift+V'),
        command('Toggle Front Matter Form', 'view.toggleForm', 'CmdOrCtrl+Shift+E'),
        { type: 'separator' },
        { role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
        { type: 'separator' },
        {
          label: 'Theme',
          submenu: [
            command('Follow System', 'theme.system'),
            command('Light', 'theme.light'),
            command('Dark', 'theme.dark'),
          ],
        },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: 'About Postdesk', click: () => actions.about() }],
    },
  );
  return template;
}
