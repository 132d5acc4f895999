// Signature images: PNG/JPEG by magic bytes (not the name), ≤ 200 KB, header size checked before decoding, re-encoded.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { afterEach, describe, expect, it } from 'vitest';
import { checkSignatureImage, headerSize, sniffImage } from '../../electron/core/modules/operators/signatureImage';
import { addOperator, asOperator, fail, makeCore, ok, type TestCore } from './helpers';

function png(width: number, height: number, extra = Buffer.alloc(0)): Buffer {
  const img = new PNG({ width, height });
  for (let i = 0; i < img.data.length; i += 4) img.data.set([i % 255, 0, 0, 255], i);
  return Buffer.concat([PNG.sync.write(img), extra]);
}
function jpg(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4, 200);
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

let core: TestCore;
afterEach(() => core?.close());

describe('signature image checks', () => {
  it('knows PNG and JPEG by their first bytes, and reads the size from the header', () => {
    expect(sniffImage(png(3, 2))).toBe('image/png');
    expect(sniffImage(jpg(5, 4))).toBe('image/jpeg');
    expect(sniffImage(Buffer.from('GIF89a....'))).toBeNull();
    expect(sniffImage(Buffer.from('%PDF-1.7'))).toBeNull();
    expect(headerSize(png(3, 2), 'image/png')).toEqual({ width: 3, height: 2 });
    expect(headerSize(jpg(5, 4), 'image/jpeg')).toEqual({ width: 5, height: 4 });
  });

  it('re-encodes to fresh PNG / JPEG with the same pixels; bytes after the image are refused', () => {
    const out = checkSignatureImage(png(20, 10).toString('base64'));
    expect(out).toMatchObject({ mime: 'image/png', width: 20, height: 10 });
    expect(PNG.sync.read(out.bytes).width).toBe(20);
    // bytes smuggled after the image's end are not carried along: such a file is refused
    expect(() => checkSignatureImage(png(20, 10, Buffer.from('<script>alert(1)</script>')).toString('base64'))).toThrow(/签名图片/);
    const j = checkSignatureImage(jpg(30, 12).toString('base64'));
    expect(j).toMatchObject({ mime: 'image/jpeg', width: 30, height: 12 });
    // a data: URL prefix is accepted
    expect(checkSignatureImage(`data:image/png;base64,${png(2, 2).toString('base64')}`).mime).toBe('image/png');
  });

  it('refuses, naming 签名图片: not an image (whatever the name), over 200 KB, too large a picture, broken, not base64', () => {
    const refuse = (b64: string) => {
      try {
        checkSignatureImage(b64);
      } catch (e) {
        return e as { code: string; field: string; message: string };
      }
      throw new Error('accepted');
    };
    expect(refuse(Buffer.from('GIF89a hello').toString('base64'))).toMatchObject({ code: 'VALIDATION', field: 'imageBase64' });
    expect(refuse(Buffer.from('GIF89a hello').toString('base64')).message).toContain('只接受 PNG 或 JPEG');
    expect(refuse(Buffer.concat([png(2, 2), Buffer.alloc(201 * 1024)]).toString('base64')).message).toMatch(
      /签名图片：文件为 .* KB，不能超过 200\.0 KB/,
    );
    expect(refuse(png(4001, 2).toString('base64')).message).toContain('过大');
    expect(refuse(png(10, 10).subarray(0, 40).toString('base64')).message).toContain('已损坏');
    const header = png(10, 10);
    header.writeUInt32BE(2000, 16); // a header that lies about its size
    expect(refuse(header.toString('base64')).message).toContain('已损坏');
    expect(refuse('***not base64***').message).toContain('base64');
    expect(refuse('').message).toContain('空');
  });
});

describe('operators.setSignature / operators.signature', () => {
  it('the admin sets anyone’s, an operator their own; the stored image comes back for print; null removes it', async () => {
    core = makeCore();
    addOperator(core, { name: 'root', role: 'admin', password: 'admin-pw' });
    const sup = addOperator(core, { name: '王强', role: 'clerk', password: 'sup-pw-1' });
    const admin = await asOperator(core, 'root', 'admin-pw');
    const self = await asOperator(core, '王强', 'sup-pw-1');
    const image = png(40, 16).toString('base64');
    expect(await ok(admin, 'operators.setSignature', { id: sup.id, imageBase64: image })).toEqual({
      ok: true,
      mime: 'image/png',
      width: 40,
      height: 16,
    });
    const stored = await ok(self, 'operators.signature', { id: sup.id });
    expect(stored?.mime).toBe('image/png');
    expect(PNG.sync.read(Buffer.from(stored!.base64, 'base64')).height).toBe(16);
    expect((await ok(admin, 'operators.list', { search: '王强' })).rows[0]!.hasSignature).toBe(true);
    // someone else's signature: only the admin
    expect(await fail(core, 'operators.setSignature', { id: sup.id, imageBase64: null })).toMatchObject({ code: 'FORBIDDEN' });
    await ok(self, 'operators.setSignature', { id: sup.id, imageBase64: null });
    expect(await ok(self, 'operators.signature', { id: sup.id })).toBeNull();
    // a refused file changes nothing
    await ok(self, 'operators.setSignature', { id: sup.id, imageBase64: image });
    expect(
      await fail(self, 'operators.setSignature', { id: sup.id, imageBase64: Buffer.from('%PDF-1.4').toString('base64') }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'imageBase64',
    });
    expect((await ok(self, 'operators.signature', { id: sup.id }))?.base64).toBe(stored!.base64);
  });
});
