// `npm start`: run the Electron app when its binary exists, otherwise the same build in browser mode.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, exitCodeFor, findElectronBinary, planLaunch } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const plan = planLaunch({ binary: findElectronBinary(electronPackageDir()), args: process.argv.slice(2), root });
if (plan.notice) console.log(plan.notice);

const child = spawn(plan.command, plan.args, { cwd: plan.cwd, env: plan.env, stdio: 'inherit' });
child.on('error', (err) => {
  console.error(`无法启动 / cannot start ${plan.command}: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(exitCodeFor(code, signal)));

for (const signal of ['SIGINT', 'SIGTERM']) {
  // stay alive until the child has shut down cleanly, then leave with its exit code
  process.on(signal, () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  });
}
