// electron-builder.yml is loaded and schema-checked by the installed electron-builder itself, offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// app-builder-lib is electron-builder's own dependency, so resolve it (and its helpers) from there
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'));
const libDir = path.dirname(fromBuilder.resolve('app-builder-lib/package.json'));
const fromLib = createRequire(path.join(libDir, 'package.json'));
const { getConfig, validateConfiguration } = fromLib('./out/util/config/config.js') as {
  getConfig: (projectDir: string, configPath: string | null, configFromOptions: unknown) => Promise<Record<string, any>>;
  validateConfiguration: (config: unknown, debugLogger: unknown) => Promise<void>;
};
const { DebugLogger } = fromLib('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
const yaml = fromLib('js-yaml') as { load: (text: string) => any; dump: (value: unknown) => string };

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'salesdesk-builder-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const check = (config: unknown) => validateConfiguration(config, new DebugLogger(false));

/** A throwaway project holding a modified copy of electron-builder.yml, loaded the way electron-builder loads it. */
async function loadVariant(edit: (config: Record<string, any>) => void): Promise<Record<string, any>> {
  const dir = fs.mkdtempSync(path.join(tmp, 'p-'));
  const config = yaml.load(fs.readFileSync('electron-builder.yml', 'utf8'));
  edit(config);
  fs.writeFileSync(path.join(dir, 'electron-builder.yml'), yaml.dump(config));
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '0.0.0' }));
  return getConfig(dir, null, null);
}

describe('electron-builder.yml', () => {
  it('is found by electron-builder and passes its schema validation', async () => {
    const config = await getConfig(process.cwd(), null, null);
    expect(config.appId).toBe('com.salesdesk.app');
    await expect(check(config)).resolves.toBeUndefined();
  });

  it('has the agreed packaging settings', async () => {
    const config = await getConfig(process.cwd(), null, null);
    expect(config).toMatchObject({
      appId: 'com.salesdesk.app',
      productName: 'SalesDesk',
      directories: { output: 'dist' },
      npmRebuild: true,
      win: { target: [{ target: 'nsis', arch: ['x64'] }] },
      nsis: { oneClick: false, allowToChangeInstallationDirectory: true, language: '2052', shortcutName: '销售管理台' },
    });
    const files = config.files.flatMap((f: string | { filter: string[] }) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'electron/core/db/migrations/**', 'package.json', '!**/*.map']));
    expect(config.asarUnpack.some((p: string) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(true);
  });

  it('flips the Electron fuses: no run-as-Node, no NODE_OPTIONS, no inspector, only a checked app.asar', async () => {
    const config = await getConfig(process.cwd(), null, null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    // the core runs in a utilityProcess, not a child forked with ELECTRON_RUN_AS_NODE, which the first fuse disables
    const main = fs.readFileSync('electron/main/index.ts', 'utf8');
    expect(main).toContain('utilityProcess.fork(');
    expect(main).not.toMatch(/child_process|ELECTRON_RUN_AS_NODE/);
  });

  it('packs the files the app reads at run time', () => {
    expect(fs.existsSync('electron/core/db/migrations/meta/_journal.json')).toBe(true);
    expect(JSON.parse(fs.readFileSync('package.json', 'utf8')).main).toBe('./out/main/index.js');
  });

  it('rejects a misspelt option', async () => {
    const broken = await loadVariant((c) => {
      c.nsis.oneClik = c.nsis.oneClick;
      delete c.nsis.oneClick;
    });
    await expect(check(broken)).rejects.toThrow(/Invalid configuration object/);
  });

  it('rejects an option of the wrong shape and an unknown top-level key', async () => {
    await expect(check(await loadVariant((c) => (c.win.target = { nsis: true })))).rejects.toThrow(/configuration\.win/);
    await expect(check(await loadVariant((c) => (c.outputDirectory = 'dist')))).rejects.toThrow(/outputDirectory/);
  });
});
