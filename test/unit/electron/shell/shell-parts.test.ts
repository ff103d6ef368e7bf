import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { rendererCsp, serveAppRequest } from '../../../../electron/app-protocol';
import { buildMenuTemplate } from '../../../../electron/shell/app-menu';
import { createCloseGuard } from '../../../../electron/shell/close-guard';
import { RecentSites } from '../../../../electron/shell/recent-sites';
import { siteFromArgv } from '../../../../electron/shell/site-argument';
import { loadWindowState, saveWindowState, windowStateFile } from '../../../../electron/shell/window-state';
import { tempDir } from '../../../support/temp-site';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('the native menu', () => {
  const sent: string[] = [];
  const actions = {
    send: (command: string) => void sent.push(command),
    openSite: () => void sent.push('open-site'),
    openRecent: (folder: string) => void sent.push(`recent:${folder}`),
    clearRecent: () => undefined,
    about: () => void sent.push('about'),
  };

  it('has the accelerators of issue 6 and sends renderer commands as menu commands', () => {
    const items = flatten(buildMenuTemplate(actions as never, ['/sites/blog'], 'linux'));
    const byLabel = new Map(items.filter((item) => item.label).map((item) => [item.label, item]));
    const byRole = new Map(items.filter((item) => item.role).map((item) => [item.role, item]));
    expect(byLabel.get('New Post')?.accelerator).toBe('CmdOrCtrl+N');
    expect(byLabel.get('Open Site…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel.get('Save')?.accelerator).toBe('CmdOrCtrl+S');
    expect(byLabel.get('Close Post')?.accelerator).toBe('CmdOrCtrl+W');
    expect(byLabel.get('Reveal in Folder')?.accelerator).toBeTruthy();
    expect(byRole.get('quit')?.accelerator).toBe('CmdOrCtrl+Q');
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'zoomIn', 'zoomOut', 'resetZoom'] as const) {
      expect(byRole.get(role)?.accelerator, role).toBeTruthy();
    }
    expect(byLabel.get('Find')?.accelerator).toBe('CmdOrCtrl+F');
    expect(byLabel.get('Replace')?.accelerator).toBe('Ctrl+H');
    expect(byLabel.get('Toggle Preview')?.accelerator).toBeTruthy();
    expect(byLabel.get('Toggle Front Matter Form')?.accelerator).toBeTruthy();
    expect(byLabel.get('Command Palette…')?.accelerator).toBe('CmdOrCtrl+Shift+P');
    expect(byLabel.get('Quick Open Post…')?.accelerator).toBe('CmdOrCtrl+P');
    for (const label of ['Save', 'Close Post', 'Find', 'Dark', 'Toggle Preview']) {
      (byLabel.get(label)?.click as () => void)();
    }
    (byLabel.get('blog — /sites/blog')?.click as () => void)();
    (byLabel.get('About Postdesk')?.click as () => void)();
    expect(sent).toEqual([
      'post.save',
      'post.close',
      'edit.find',
      'theme.dark',
      'view.togglePreview',
      'recent:/sites/blog',
      'about',
    ]);
  });
});

describe('the close guard', () => {
  it('asks the renderer once and resolves with its answer; proceeds when no renderer is left', async () => {
    const asked: number[] = [];
    const guard = createCloseGuard((requestId) => (asked.push(requestId), true));
    const first = guard.ask('close-window');
    expect(guard.ask('close-window')).toBe(first);
    guard.answer(asked[0]!, false);
    expect(await first).toBe(false);
    const second = guard.ask('close-window');
    guard.answer(asked[1]!, true);
    expect(await second).toBe(true);
    expect(await createCloseGuard(() => false).ask('switch-site')).toBe(true);
  });
});

describe('window state and recent sites', () => {
  it('remembers the window bounds, and ignores them off every display', async () => {
    const file = windowStateFile(dir);
    await saveWindowState(file, { bounds: { x: 100, y: 50, width: 900, height: 700 }, maximized: true });
    const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    expect(await loadWindowState(file, screen)).toEqual({
      bounds: { x: 100, y: 50, width: 900, height: 700 },
      maximized: true,
    });
    expect(await loadWindowState(file, [{ x: 5000, y: 0, width: 1920, height: 1080 }])).toBeNull();
    await writeFile(file, '{ torn');
    expect(await loadWindowState(file, screen)).toBeNull();
  });

  it('keeps recent sites most recent first, once each, at most ten, across restarts', async () => {
    const recent = new RecentSites(dir);
    await recent.load();
    for (let index = 0; index < 12; index++) await recent.add(`/sites/s${index}`);
    await recent.add('/sites/s5');
    const again = new RecentSites(dir);
    const list = await again.load();
    expect(list).toHaveLength(10);
    expect(list.slice(0, 2)).toEqual(['/sites/s5', '/sites/s11']);
    expect(JSON.parse(await readFile(path.join(dir, 'recent-sites.json'), 'utf8'))).toEqual(list);
  });
});

describe('the launch arguments', () => {
  it('finds the site folder of a (second) launch, never the app folder', async () => {
    const site = path.join(dir, 'blog');
    await mkdir(site);
    expect(siteFromArgv(['/usr/bin/postdesk', site], '/', '/app')).toBe(site);
    expect(siteFromArgv(['/usr/bin/postdesk', 'blog'], dir, '/app')).toBe(site);
    expect(siteFromArgv(['electron', '.', '--site', 'blog'], dir, dir)).toBe(site);
    expect(siteFromArgv(['electron', '.'], dir, dir)).toBeNull();
    expect(
      siteFromArgv(['/usr/bin/postdesk', '--no-sandbox', path.join(dir, 'missing')], '/', '/app'),
    ).toBeNull();
  });
});

describe('the app:// protocol', () => {
  it("serves the renderer with a strict CSP (script-src 'self', no remote hosts) and nothing outside it", async () => {
    await writeFile(path.join(dir, 'index.html'), '<!doctype html>');
    const response = await serveAppRequest(dir, 'app://postdesk/index.html');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toBe(rendererCsp);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    // The one remote source is the Site preview's frame: a generator's server on this machine only.
    expect(csp.match(/frame-src[^;]*/)?.[0]).toBe("frame-src 'self' http://127.0.0.1:*");
    expect(csp.replace(/frame-src[^;]*/, '')).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(csp.match(/script-src[^;]*/)?.[0]).toBe("script-src 'self'");
    for (const url of [
      'app://postdesk/../secret',
      'app://postdesk/%2e%2e/secret',
      'app://other/index.html',
    ]) {
      expect((await serveAppRequest(dir, url)).status, url).toBe(404);
    }
  });
});
