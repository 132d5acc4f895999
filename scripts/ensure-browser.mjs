// End-to-end tests need Debian Chromium and CJK fonts. As root with apt, install them; otherwise say exactly what to run.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

export const CHROMIUM = process.env.SALESDESK_CHROMIUM ?? '/usr/bin/chromium';
const installCommand = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function hasCjkFont() {
  try {
    return /Noto (Sans|Serif) CJK/i.test(execSync('fc-list', { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return false;
  }
}

export function browserReady() {
  return fs.existsSync(CHROMIUM) && hasCjkFont();
}

function canApt() {
  try {
    execSync('command -v apt-get', { stdio: 'ignore', shell: '/bin/sh' });
    return typeof process.getuid === 'function' && process.getuid() === 0;
  } catch {
    return false;
  }
}

export function ensureBrowser() {
  if (browserReady()) return;
  if (!canApt()) {
    console.error(`Chromium 或中文字体缺失 / Chromium or CJK fonts missing. Run as root: ${installCommand}`);
    process.exit(1);
  }
  console.log(`Installing Chromium and CJK fonts: ${installCommand}`);
  execSync(installCommand, { stdio: 'inherit', shell: '/bin/sh', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!browserReady()) {
    console.error(`Chromium / fonts still missing after install. Run: ${installCommand}`);
    process.exit(1);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBrowser();
