// app://salesdesk/ serves the built renderer folder and nothing else.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, rendererFileFor, serveRendererFile } from '../../electron/main/appProtocol';

const root = path.resolve('/opt/SalesDesk/resources/app.asar/out/renderer');

describe('rendererFileFor', () => {
  it('maps the page and its assets to files of the renderer folder', () => {
    expect(APP_INDEX_URL).toBe('app://salesdesk/index.html');
    expect(rendererFileFor(APP_INDEX_URL, root)).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor('app://salesdesk/', root)).toBe(path.join(root, 'index.html'));
    expect(rendererFileFor('app://salesdesk/assets/index-abc.js?v=1#x', root)).toBe(path.join(root, 'assets/index-abc.js'));
    expect(rendererFileFor('app://salesdesk/assets/%E5%AD%97.css', root)).toBe(path.join(root, 'assets/字.css'));
  });

  it('refuses other schemes and hosts, climbing out, NUL and backslashes, and malformed escapes', () => {
    for (const url of [
      'file:///opt/SalesDesk/resources/app.asar/out/renderer/index.html',
      'app://other/index.html',
      'app://salesdesk/..%2f..%2fmain%2findex.js',
      'app://salesdesk/%2e%2e%5c%2e%2e%5cmain%5cindex.js',
      'app://salesdesk/index.html%00.png',
      'app://salesdesk/%E5%AD',
      'not a url',
    ]) {
      expect(rendererFileFor(url, root), url).toBeNull();
    }
  });
});

describe('serveRendererFile', () => {
  it('answers the file with its type and the CSP, and 404 for anything it may not or cannot serve', async () => {
    const fetchFile = vi.fn(async (url: string) => (url.endsWith('.css') ? new Response('a{}') : new Response('', { status: 404 })));
    const css = await serveRendererFile('app://salesdesk/assets/app.css', root, fetchFile);
    expect([css.status, css.headers.get('Content-Type'), await css.text()]).toEqual([200, 'text/css; charset=utf-8', 'a{}']);
    expect(css.headers.get('Content-Security-Policy')).toMatch(/^default-src 'self'/);
    expect(css.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(fetchFile).toHaveBeenCalledWith(pathToFileURL(path.join(root, 'assets/app.css')).href);
    expect((await serveRendererFile('app://salesdesk/missing.js', root, fetchFile)).status).toBe(404);
    const throwing = vi.fn(async () => Promise.reject(new Error('ENOENT')));
    expect((await serveRendererFile('app://salesdesk/gone.js', root, throwing)).status).toBe(404);
    const calls = fetchFile.mock.calls.length;
    expect((await serveRendererFile('app://salesdesk/..%2f..%2fmain%2findex.js', root, fetchFile)).status).toBe(404);
    expect(fetchFile.mock.calls.length).toBe(calls);
  });
});
