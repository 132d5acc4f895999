// The renderer is served from app://salesdesk/, a privileged scheme of our own limited to the built renderer folder,
// instead of file:// (which would let the page reach any file the user can read, and grants file pages extra rights).
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from './security';

export const APP_SCHEME = 'app';
export const APP_HOST = 'salesdesk';
/** The page every window loads (the hash carries the route). */
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before the app is ready: a standard, secure origin, so ES modules, fetch and the code cache work. */
export const APP_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** app://salesdesk/<path> → that file inside the renderer folder; null for another scheme or host, or a path outside. */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // no asset name holds a NUL or a backslash; on Windows a backslash would be a separator that climbs out
  if (rel.includes('\0') || rel.includes('\\')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** The protocol handler's answer: the file with its type and the app's CSP, or 404 for anything else. */
export async function serveRendererFile(
  url: string,
  rendererDir: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): Promise<Response> {
  const file = rendererFileFor(url, rendererDir);
  const notFound = () => new Response('未找到', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!file) return notFound();
  let res: Response;
  try {
    res = await fetchFile(pathToFileURL(file).href);
  } catch {
    return notFound();
  }
  if (!res.ok) return notFound();
  return new Response(res.body, {
    status: 200,
    headers: {
      'Content-Type': MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
