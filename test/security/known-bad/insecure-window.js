// The positive control of the security scan: a window with every protection turned off, which
// Electronegativity must flag (run-electronegativity.mjs fails when it does not). Never bundled.
const { BrowserWindow } = require('electron');

const window = new BrowserWindow({
  webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false },
});
window.loadURL('http://example.com/');
