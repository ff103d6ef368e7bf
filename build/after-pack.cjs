// electron-builder afterPack hook: sets Postdesk's Electron fuses in the packed executable, so the
// shipped binary cannot be turned into a plain Node (RunAsNode, NODE_OPTIONS, --inspect) and loads
// the app only from app.asar, checks app.asar's integrity, and grants file:// no extra privileges. A folder holding the test placeholder (a shell script saying
// "placeholder, not Electron") has no fuses to flip: the hook says so and leaves it alone.
const { readFileSync, statSync } = require('node:fs');
const path = require('node:path');
const { FuseV1Options, FuseVersion, flipFuses } = require('@electron/fuses');

/** The fuses every packaged Postdesk carries. */
const postdeskFuses = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
  // app.asar is checked against the integrity hash electron-builder records (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // file:// pages get no extra powers (Postdesk loads nothing from file://).
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** The Electron executable inside an unpacked app folder of electron-builder. */
function executableOf(context) {
  const name = context.packager.appInfo.productFilename;
  if (context.electronPlatformName === 'darwin') return path.join(context.appOutDir, `${name}.app`);
  if (context.electronPlatformName === 'win32') return path.join(context.appOutDir, `${name}.exe`);
  return path.join(context.appOutDir, context.packager.executableName);
}

/** True for the placeholder executable the package test uses where Electron is not installed. */
function isPlaceholder(file) {
  try {
    if (statSync(file).size > 4096) return false;
    return readFileSync(file, 'utf8').includes('placeholder, not Electron');
  } catch {
    return false;
  }
}

exports.postdeskFuses = postdeskFuses;
exports.executableOf = executableOf;
exports.default = async function afterPack(context) {
  const executable = executableOf(context);
  if (isPlaceholder(executable)) {
    console.log(`[postdesk] fuses not set: ${executable} is the test placeholder, not Electron`);
    return;
  }
  await flipFuses(executable, {
    ...postdeskFuses,
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  });
  console.log(`[postdesk] fuses set in ${executable}`);
};
