// `npm run test:security` (and a step of `npm test`): runs Electronegativity 1.10.3, installed in
// this folder on its own (next to the app's TypeScript its parser crashes), over the Electron
// sources and the renderer's index.html (for its CSP), offline (the check that fetches Electron's
// release list is excluded), and fails on any finding: Electronegativity itself exits 0 even with
// findings, so its CSV is read here, one row per finding after the header. Each justified
// exception is an `eng-disable` comment at the line it concerns. A positive control runs in a scan
// of its own: known-bad/insecure-window.js turns every protection off, and the scan must flag it (context
// isolation, sandbox and web security at least), or the step fails: a scanner that finds nothing
// because it scanned nothing proves nothing.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const cli = path.join(here, 'node_modules', '@doyensec', 'electronegativity', 'dist', 'index.js');
const electronVersion = JSON.parse(
  readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
).version;

if (!existsSync(cli)) {
  // It lives in its own folder (its parser crashes when hoisted beside TypeScript 6/7), so a plain
  // `npm install` at the top does not bring it: install it here on first use.
  console.log('[postdesk] installing electronegativity into test/security (npm ci, first run only)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
    cwd: here,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (install.status !== 0 || !existsSync(cli)) {
    console.error(
      '[postdesk] electronegativity could not be installed: run `npm ci --prefix test/security`.',
    );
    process.exit(1);
  }
}

const started = Date.now();
const results = path.join(root, 'out', 'test-results');
const csv = path.join(results, 'electronegativity.csv');
const controlCsv = path.join(results, 'electronegativity-control.csv');
mkdirSync(results, { recursive: true });

/**
 * Scans a folder laid out by `stage` and answers the CSV's rows (after the header). The app and the
 * positive control are scanned apart: Electronegativity writes its CSV header over the start of the
 * first row, so a row cannot be told by its file name, only by the scan it came from (the check's
 * name still ends every row, in its wiki URL).
 */
function scan(stage, output) {
  const staging = mkdtempSync(path.join(os.tmpdir(), 'postdesk-eng-'));
  try {
    stage(staging);
    rmSync(output, { force: true });
    // The check is named AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK in reports; -x wants its class name.
    const run = spawnSync(
      process.execPath,
      [
        cli,
        '-i',
        staging,
        '-r',
        '-x',
        'AvailableSecurityFixesGlobalCheck',
        '-e',
        electronVersion,
        '-o',
        output,
      ],
      { encoding: 'utf8', cwd: here },
    );
    if (run.status !== 0 || !existsSync(output)) {
      console.error(run.stdout, run.stderr);
      console.error(`[postdesk] electronegativity failed to run (exit ${run.status})`);
      process.exit(1);
    }
    return readFileSync(output, 'utf8')
      .split(/\r?\n/)
      .slice(1)
      .filter((line) => line.trim() !== '');
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

const findings = scan((staging) => {
  cpSync(path.join(root, 'electron'), path.join(staging, 'electron'), {
    recursive: true,
    filter: (source) => !source.includes(`${path.sep}sample-site`),
  });
  mkdirSync(path.join(staging, 'renderer'));
  cpSync(path.join(root, 'renderer', 'index.html'), path.join(staging, 'renderer', 'index.html'));
}, csv);
const control = scan(
  (staging) => cpSync(path.join(here, 'known-bad'), path.join(staging, 'known-bad'), { recursive: true }),
  controlCsv,
);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const expected = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK'];
const missed = expected.filter((check) => !control.some((row) => row.includes(check)));
for (const row of findings) console.error(`  ${row}`);
console.log(
  `[postdesk] electronegativity ${findings.length === 0 ? 'found nothing' : `found ${findings.length} issue(s)`} in ${seconds} s (Electron ${electronVersion}; CSV in out/test-results/electronegativity.csv)`,
);
if (missed.length > 0) {
  console.error(
    `[postdesk] electronegativity's positive control failed: known-bad/insecure-window.js was not flagged for ${missed.join(', ')}`,
  );
} else {
  console.log(
    `[postdesk] electronegativity's positive control: the known-bad window was flagged ${control.length} time(s)`,
  );
}
process.exit(findings.length === 0 && missed.length === 0 ? 0 : 1);
