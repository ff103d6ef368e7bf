import { existsSync } from 'node:fs';

/** True when the tests run in CI (`CI` set to anything but '', '0' or 'false'). */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/**
 * Whether the external tool at `file` (7-Zip, Hugo) is there for `check`: true when it is; when it is
 * missing, throws in CI (a check must never pass by not running) and elsewhere prints why the check
 * is skipped and answers false.
 */
export function requiredTool(file: string, check: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (existsSync(file)) return true;
  if (inCi(env)) {
    throw new Error(`${file} is missing, and CI must run ${check}: install it (see .ci/run).`);
  }
  console.log(`[postdesk] ${check} is skipped: ${file} is not installed (in CI this fails).`);
  return false;
}
