import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const chromiumCandidates = [
  process.env.POSTDESK_CHROMIUM,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * The Chromium the web project drives: $POSTDESK_CHROMIUM, else a system Chromium or Chrome, else
 * undefined, which lets Playwright use its own downloaded browser where one was installed.
 */
export function systemChromium(): string | undefined {
  return chromiumCandidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

/** Flags that keep Chromium quiet and working on a closed network and as root. */
export const chromiumFlags = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

/** Where the Electron binary is, or why there is none (its download was skipped or failed). */
export function electronBinary(): { path: string } | { missing: string } {
  try {
    const binary = createRequire(__filename)('electron') as unknown;
    if (typeof binary === 'string' && existsSync(binary)) return { path: binary };
    return { missing: `the electron package names ${String(binary)}, which does not exist` };
  } catch (error) {
    const first = (error as Error).message.split('\n')[0];
    return {
      missing: `the Electron binary is not installed (${first}); it is skipped when installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 or where its download host is unreachable`,
    };
  }
}
