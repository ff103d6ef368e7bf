import type { WebPreferences } from 'electron';

/**
 * The web preferences of every Postdesk window: the renderer is isolated from the preload
 * (contextIsolation), runs in Chromium's sandbox, has no Node in its page, frames or workers, keeps
 * web security, runs no insecure content, has no <webview>, and middle-click (auxclick) cannot open
 * links. The preload is the only bridge.
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: true,
    disableBlinkFeatures: 'Auxclick',
  };
}
