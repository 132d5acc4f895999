// npm start: Electron when its binary was downloaded, otherwise browser mode with one notice line.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { electronPackageDir, exitCodeFor, FALLBACK_NOTICE, findElectronBinary, planLaunch } from '../../scripts/electron-binary.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-start-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const files = (entries: Record<string, string>) => ({
  exists: (p: string) => p in entries,
  readFile: (p: string) => entries[p]!,
  env: {},
});

describe('findElectronBinary', () => {
  const dir = path.join('/nm', 'electron');
  const pathTxt = path.join(dir, 'path.txt');
  const exe = path.join(dir, 'dist', 'electron.exe');

  it('finds the downloaded binary named in path.txt', () => {
    expect(findElectronBinary(dir, files({ [pathTxt]: 'electron.exe', [exe]: '' }))).toBe(exe);
  });

  it('is null when the binary was never downloaded (no path.txt)', () => {
    expect(findElectronBinary(dir, files({}))).toBeNull();
  });

  it('is null when path.txt names a file that is not there', () => {
    expect(findElectronBinary(dir, files({ [pathTxt]: 'electron.exe' }))).toBeNull();
  });

  it('is null when the electron package is missing altogether', () => {
    expect(findElectronBinary(null, files({}))).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like electron/index.js does', () => {
    const override = path.join('/opt', 'electron');
    const probe = { ...files({ [path.join(override, 'electron')]: '' }), env: { ELECTRON_OVERRIDE_DIST_PATH: override } };
    expect(findElectronBinary(dir, probe)).toBe(path.join(override, 'electron'));
    expect(findElectronBinary(dir, { ...files({}), env: { ELECTRON_OVERRIDE_DIST_PATH: override } })).toBeNull();
  });

  it('reports this offline machine correctly without trying to download anything', () => {
    const real = electronPackageDir();
    expect(real).not.toBeNull();
    const downloaded = fs.existsSync(path.join(real!, 'path.txt'));
    expect(findElectronBinary(real) !== null).toBe(
      downloaded && fs.existsSync(path.join(real!, 'dist', fs.readFileSync(path.join(real!, 'path.txt'), 'utf8'))),
    );
  });
});

describe('planLaunch', () => {
  it('runs Electron on the project folder with the arguments passed through', () => {
    const plan = planLaunch({
      binary: '/bin/electron',
      args: ['--db', 'x.db', '--port', '3000'],
      root: '/proj',
      env: { ELECTRON_RUN_AS_NODE: '1', A: 'b' },
    });
    expect(plan).toEqual({
      mode: 'electron',
      command: '/bin/electron',
      args: ['.', '--db', 'x.db', '--port', '3000'],
      cwd: '/proj',
      env: { A: 'b' },
      notice: null,
    });
  });

  it('falls back to the browser-mode server with the same arguments and one notice', () => {
    const plan = planLaunch({ binary: null, args: ['--db', 'x.db', '--port', '3000'], root: '/proj', nodePath: '/usr/bin/node', env: {} });
    expect(plan).toMatchObject({
      mode: 'browser',
      command: '/usr/bin/node',
      args: [path.join('/proj', 'out', 'main', 'server.js'), '--db', 'x.db', '--port', '3000'],
      cwd: '/proj',
    });
    expect(plan.notice).toBe(FALLBACK_NOTICE);
    expect(FALLBACK_NOTICE).toContain('Electron binary not available, starting browser mode');
    expect(FALLBACK_NOTICE).not.toContain('\n');
  });

  it('forwards exit codes, and signals as 128 + number', () => {
    expect(exitCodeFor(0, null)).toBe(0);
    expect(exitCodeFor(3, null)).toBe(3);
    expect(exitCodeFor(null, 'SIGINT')).toBe(130);
    expect(exitCodeFor(null, 'SIGTERM')).toBe(143);
    expect(exitCodeFor(null, null)).toBe(1);
  });
});

/** A copy of the scripts in a folder where no electron package can be found, with a fake server. */
function fakeProject(server: string): string {
  const root = fs.mkdtempSync(path.join(tmp, 'proj-'));
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.mkdirSync(path.join(root, 'out', 'main'), { recursive: true });
  for (const f of ['start.mjs', 'electron-binary.mjs']) fs.copyFileSync(path.join('scripts', f), path.join(root, 'scripts', f));
  fs.writeFileSync(path.join(root, 'out', 'main', 'server.js'), server);
  return root;
}

function run(root: string, args: string[], onSpawn?: (child: ReturnType<typeof spawn>) => void) {
  return new Promise<{ code: number | null; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('ready')) onSpawn?.(child);
    });
    child.on('exit', (code) => resolve({ code, stdout }));
  });
}

describe('scripts/start.mjs end to end', () => {
  it('prints one notice line, runs the server with the same arguments and forwards its exit code', async () => {
    const root = fakeProject('console.log("server " + JSON.stringify(process.argv.slice(2))); process.exit(7);');
    const { code, stdout } = await run(root, ['--db', 'my.db', '--port', '3456']);
    expect(code).toBe(7);
    expect(stdout.split('\n')).toEqual([FALLBACK_NOTICE, 'server ["--db","my.db","--port","3456"]', '']);
  });

  it('forwards SIGTERM to the server and exits with the server code', async () => {
    const root = fakeProject(
      'process.on("SIGTERM", () => { console.log("server got SIGTERM"); process.exit(0); }); console.log("ready"); setInterval(() => {}, 1000);',
    );
    const { code, stdout } = await run(root, [], (child) => child.kill('SIGTERM'));
    expect(stdout).toContain('server got SIGTERM');
    expect(code).toBe(0);
  });

  // the fake Electron binary is a #!/bin/sh script, which Windows cannot run as an executable
  it.skipIf(process.platform === 'win32')(
    'runs Electron when a binary is present, passing "." and the arguments (POSIX shell fake)',
    async () => {
      const root = fakeProject('process.exit(99);');
      const dist = path.join(root, 'node_modules', 'electron');
      fs.mkdirSync(path.join(dist, 'dist'), { recursive: true });
      fs.writeFileSync(path.join(dist, 'package.json'), '{"name":"electron","main":"index.js"}');
      fs.writeFileSync(path.join(dist, 'path.txt'), 'electron');
      fs.writeFileSync(path.join(dist, 'dist', 'electron'), '#!/bin/sh\necho "electron $*"\nexit 5\n', { mode: 0o755 });
      const { code, stdout } = await run(root, ['--db', 'a.db']);
      expect(stdout.trim()).toBe('electron . --db a.db');
      expect(code).toBe(5);
    },
  );
});
