// Decides how `npm start` launches the app; kept apart from start.mjs so the decision can be unit tested.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const FALLBACK_NOTICE = 'Electron 运行文件不可用（离线安装），改用浏览器模式 / Electron binary not available, starting browser mode';

/** The electron package folder, or null when the package is not installed at all. */
export function electronPackageDir(fromUrl = import.meta.url) {
  try {
    return path.dirname(createRequire(fromUrl).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The Electron executable, or null when it was never downloaded. Mirrors node_modules/electron/index.js
 * without its side effect: requiring that file starts a network download when the binary is missing.
 */
export function findElectronBinary(
  electronDir,
  { env = process.env, exists = fs.existsSync, readFile = (p) => fs.readFileSync(p, 'utf8') } = {},
) {
  if (!electronDir) return null;
  const pathFile = path.join(electronDir, 'path.txt');
  const relative = exists(pathFile) ? readFile(pathFile).trim() : '';
  let binary;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) binary = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  else if (relative) binary = path.join(electronDir, 'dist', relative);
  else return null;
  return exists(binary) ? binary : null;
}

/** What to spawn: Electron on the project folder, or the browser-mode server with the same arguments. */
export function planLaunch({ binary, args, root, nodePath = process.execPath, env = process.env }) {
  if (binary) {
    // a leftover ELECTRON_RUN_AS_NODE would make Electron behave as plain Node and never open a window
    const { ELECTRON_RUN_AS_NODE: _ignored, ...electronEnv } = env;
    return { mode: 'electron', command: binary, args: ['.', ...args], cwd: root, env: electronEnv, notice: null };
  }
  return {
    mode: 'browser',
    command: nodePath,
    args: [path.join(root, 'out', 'main', 'server.js'), ...args],
    cwd: root,
    env,
    notice: FALLBACK_NOTICE,
  };
}

/** A child's exit turned into our exit code: its own code, or 128 + signal number as shells do. */
export function exitCodeFor(code, signal) {
  if (typeof code === 'number') return code;
  if (signal) return 128 + (os.constants.signals[signal] ?? 0);
  return 1;
}
