// Renders resources/icon.svg into the app's icon set (icon.png, icon.ico, installer and uninstaller icons) with the
// e2e tests' Chromium: each size is drawn at that size (so small sizes are hinted, not shrunk). Run: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { CHROMIUM, ensureBrowser } from './ensure-browser.mjs';

const dir = path.resolve('resources');
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
const mark = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
// 16 and 24 px: the tile to the edge and a larger glyph (icon-small.svg), else the 销 is a blur
const smallMark = fs.readFileSync(path.join(dir, 'icon-small.svg'), 'utf8');
const SMALL_MAX = 24;

// the installer and uninstaller carry the same mark with a small corner badge, so the two are told apart in a folder
const badge = (fill, symbol) =>
  `<circle cx="200" cy="200" r="50" fill="#FFFFFF" /><circle cx="200" cy="200" r="42" fill="${fill}" />${symbol}</svg>`;
const withBadge = (svg, fill, symbol) => svg.replace('</svg>', badge(fill, symbol));
const DOWN_ARROW =
  '<path d="M200 172 v40 M182 196 l18 18 l18 -18" stroke="#FFFFFF" stroke-width="10" fill="none" stroke-linecap="round" stroke-linejoin="round" />';
const CROSS = '<path d="M182 182 l36 36 M218 182 l-36 36" stroke="#FFFFFF" stroke-width="10" stroke-linecap="round" />';
/** Each icon as [its mark from 32 px up, its mark at 16 and 24 px]. */
const variants = {
  icon: [mark, smallMark],
  installerIcon: [mark, smallMark].map((svg) => withBadge(svg, '#2E9D5B', DOWN_ARROW)),
  uninstallerIcon: [mark, smallMark].map((svg) => withBadge(svg, '#8A94A6', CROSS)),
};

/** One PNG of the SVG drawn at size × size on a transparent page. */
async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace(/width="256" height="256"/, `width="${size}" height="${size}"`);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.evaluate(() => document.fonts.ready);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** A 32-bit BMP (DIB) entry: bottom-up BGRA rows plus the 1-bit AND mask older Windows shells still read. */
function dibEntry(png) {
  const { width, height, data } = PNG.sync.read(png);
  const maskStride = Math.ceil(width / 32) * 4;
  const out = Buffer.alloc(40 + width * height * 4 + maskStride * height);
  out.writeUInt32LE(40, 0);
  out.writeInt32LE(width, 4);
  out.writeInt32LE(height * 2, 8); // colour rows + mask rows
  out.writeUInt16LE(1, 12);
  out.writeUInt16LE(32, 14);
  out.writeUInt32LE(width * height * 4 + maskStride * height, 20);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * 4;
      const dst = 40 + (row * width + x) * 4;
      out[dst] = data[src + 2];
      out[dst + 1] = data[src + 1];
      out[dst + 2] = data[src];
      out[dst + 3] = data[src + 3];
      if (data[src + 3] === 0) {
        const maskAt = 40 + width * height * 4 + row * maskStride + (x >> 3);
        out[maskAt] |= 0x80 >> (x & 7);
      }
    }
  }
  return out;
}

/** An .ico holding every size: BMP entries below 256 (what NSIS and old shells read), a PNG entry at 256. */
export function buildIco(pngBySize) {
  const sizes = [...pngBySize.keys()].sort((a, b) => a - b);
  const images = sizes.map((s) => (s >= 256 ? pngBySize.get(s) : dibEntry(pngBySize.get(s))));
  const header = Buffer.alloc(6 + 16 * sizes.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(sizes.length, 4);
  let offset = header.length;
  sizes.forEach((s, i) => {
    const at = 6 + 16 * i;
    header[at] = s >= 256 ? 0 : s;
    header[at + 1] = s >= 256 ? 0 : s;
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(images[i].length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += images[i].length;
  });
  return Buffer.concat([header, ...images]);
}

async function main() {
  ensureBrowser();
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    for (const [name, [svg, small]] of Object.entries(variants)) {
      const pngs = new Map();
      for (const size of ICO_SIZES) pngs.set(size, await render(page, size <= SMALL_MAX ? small : svg, size));
      fs.writeFileSync(path.join(dir, `${name}.ico`), buildIco(pngs));
      if (name === 'icon') {
        fs.writeFileSync(path.join(dir, 'icon.png'), await render(page, svg, 512));
        fs.mkdirSync(path.join(dir, 'icons'), { recursive: true });
        for (const size of ICO_SIZES) fs.writeFileSync(path.join(dir, 'icons', `${size}x${size}.png`), pngs.get(size));
      }
      console.log(`${name}.ico: ${ICO_SIZES.join(' / ')} px`);
    }
  } finally {
    await browser.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
