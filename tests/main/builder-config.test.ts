// electron-builder.yml is loaded and schema-checked by the installed electron-builder itself, offline.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
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

/** The images of an .ico: size, and the pixels as RGBA top-down (PNG entries decoded, BMP entries turned upright). */
function readIco(file: string): Array<{ size: number; format: 'png' | 'bmp'; rgba: Buffer }> {
  const b = fs.readFileSync(file);
  expect([b.readUInt16LE(0), b.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: b.readUInt16LE(4) }, (_, i) => {
    const at = 6 + 16 * i;
    const size = b[at] || 256;
    expect(b[at + 1] || 256).toBe(size);
    expect(b.readUInt16LE(at + 6)).toBe(32);
    const data = b.subarray(b.readUInt32LE(at + 12), b.readUInt32LE(at + 12) + b.readUInt32LE(at + 8));
    if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
      const png = PNG.sync.read(data);
      expect([png.width, png.height]).toEqual([size, size]);
      return { size, format: 'png' as const, rgba: png.data };
    }
    // BITMAPINFOHEADER: 40 bytes, height counts the colour rows and the AND-mask rows
    expect([data.readUInt32LE(0), data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([40, size, size * 2, 32]);
    const maskStride = Math.ceil(size / 32) * 4;
    expect(data.length).toBe(40 + size * size * 4 + maskStride * size);
    const rgba = Buffer.alloc(size * size * 4);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const src = 40 + ((size - 1 - y) * size + x) * 4;
        const dst = (y * size + x) * 4;
        rgba[dst] = data[src + 2]!;
        rgba[dst + 1] = data[src + 1]!;
        rgba[dst + 2] = data[src]!;
        rgba[dst + 3] = data[src + 3]!;
      }
    }
    return { size, format: 'bmp' as const, rgba };
  });
}

const alphaAt = (rgba: Buffer, size: number, x: number, y: number) => rgba[(y * size + x) * 4 + 3]!;

describe('icons', () => {
  const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

  it('names the app, installer and uninstaller icons, each found where electron-builder looks (build resources)', async () => {
    const config = await getConfig(process.cwd(), null, null);
    expect(config.directories.buildResources).toBe('resources');
    expect(config.win.icon).toBe('icon.ico');
    expect(config.nsis).toMatchObject({ installerIcon: 'installerIcon.ico', uninstallerIcon: 'uninstallerIcon.ico' });
    for (const name of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) {
      expect(fs.existsSync(path.resolve(config.directories.buildResources, name))).toBe(true);
    }
    // the window's icon is read at run time beside app.asar: electron/main/index.ts takes icon.ico / icon.png from there
    expect(config.extraResources).toEqual([
      { from: 'resources/icon.ico', to: 'icon.ico' },
      { from: 'resources/icon.png', to: 'icon.png' },
    ]);
  });

  it.each(['icon.ico', 'installerIcon.ico', 'uninstallerIcon.ico'])(
    '%s holds 16–256 px, BMP below 256 (NSIS) and PNG at 256, a tile with transparent corners',
    (name) => {
      const images = readIco(path.join('resources', name));
      expect(images.map((i) => i.size)).toEqual(ICO_SIZES);
      expect(images.map((i) => i.format)).toEqual([...ICO_SIZES.slice(0, -1).map(() => 'bmp'), 'png']);
      for (const { size, rgba } of images) {
        expect(alphaAt(rgba, size, 0, 0)).toBeLessThan(64); // 16 and 24 px fill to the edge: the corner is half covered at most
        expect(alphaAt(rgba, size, size / 2, size / 2)).toBe(255);
      }
    },
  );

  it('draws each ICO image the same as the rendered PNG of that size (so the BMP rows are not upside down)', () => {
    for (const { size, rgba } of readIco('resources/icon.ico')) {
      const png = PNG.sync.read(fs.readFileSync(`resources/icons/${size}x${size}.png`));
      expect(rgba.equals(png.data)).toBe(true);
    }
  });

  it('has a 512 px icon.png, not blank: the tile is blue and the glyph white', () => {
    const png = PNG.sync.read(fs.readFileSync('resources/icon.png'));
    expect([png.width, png.height]).toEqual([512, 512]);
    expect(alphaAt(png.data, 512, 0, 0)).toBe(0);
    const colours = new Set<string>();
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] !== 255) continue;
      const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
      if (r > 240 && g > 240 && b > 240) colours.add('white');
      else if (b > r + 60) colours.add('blue');
    }
    expect([...colours].sort()).toEqual(['blue', 'white']);
  });
});

describe('Windows release workflow (.github/workflows/windows.yml)', () => {
  const workflow = yaml.load(fs.readFileSync('.github/workflows/windows.yml', 'utf8'));
  const job = workflow.jobs.windows;
  const runs: string[] = job.steps.filter((s: { run?: string }) => s.run).map((s: { run: string }) => s.run.trim());
  const at = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r));

  it('runs on windows-latest: npm ci, type-check, lint, format, unit tests, then dist:win, in that order', () => {
    expect(job['runs-on']).toBe('windows-latest');
    const order = [
      /^npm ci\b/,
      /^npm run typecheck$/,
      /^npx eslint \. --max-warnings 0$/,
      /^npx prettier --check \.$/,
      /^npx vitest run\b/,
      /^npm run dist:win$/,
    ];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // the browser e2e suite needs Debian Chromium: not on this runner
    expect(runs.some((r) => r.includes('vitest.e2e') || r.includes('test:e2e') || /^npm (run )?test$/.test(r))).toBe(false);
  });

  it('calls only scripts package.json has', () => {
    const scripts = JSON.parse(fs.readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    for (const r of runs) for (const [, name] of r.matchAll(/npm run ([\w:-]+)/g)) expect(scripts).toHaveProperty(name!);
    expect(scripts['dist:win']).toContain('electron-builder --win nsis');
  });

  it('uploads the installer electron-builder names, and fails when there is none', async () => {
    const config = await getConfig(process.cwd(), null, null);
    const upload = job.steps.find((s: { with?: { name?: string } }) => s.with?.name === 'SalesDesk-Setup-win-x64');
    expect(upload.uses).toMatch(/^actions\/upload-artifact@v\d+$/);
    expect(upload.with['if-no-files-found']).toBe('error');
    const installer = `${config.directories.output}/${config.nsis.artifactName.replace('${version}', '0.1.0').replace('${arch}', 'x64').replace('${ext}', 'exe')}`;
    const patterns = String(upload.with.path).trim().split('\n');
    const glob = (p: string) => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    expect(patterns.some((p) => glob(p).test(installer))).toBe(true);
  });
});
