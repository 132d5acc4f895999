// Signature images: PNG or JPEG as told by their first bytes (never by a file name), at most 200 KB, header dimensions
// read before anything is decoded, then decoded and written anew (pngjs / jpeg-js, pure JS) so only pixels are kept —
// no metadata, no trailing bytes, nothing a crafted file could smuggle into a printed form.
import { PNG } from 'pngjs';
import jpeg from 'jpeg-js';
import { SIGNATURE_MAX_BYTES } from '../../../../shared/contract/operators';
import { formatBytes } from '../../../../shared/bytes';
import { DomainError } from '../../errors';

export type SignatureMime = 'image/png' | 'image/jpeg';

/** Larger than any signature needs; keeps a decoded image small (4000×1000 RGBA = 16 MB). */
export const MAX_SIDE = 4000;
export const MAX_PIXELS = 4_000_000;

const FIELD = 'imageBase64';
const refuse = (text: string) => new DomainError('VALIDATION', `签名图片：${text}`, FIELD);

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The image type from the magic bytes, or null. */
export function sniffImage(bytes: Buffer): SignatureMime | null {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_MAGIC)) return 'image/png';
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Width and height from the header (PNG IHDR, JPEG SOFn), without decoding; null when the header is not there. */
export function headerSize(bytes: Buffer, mime: SignatureMime): { width: number; height: number } | null {
  if (mime === 'image/png') {
    // signature (8) + length (4) + "IHDR" (4) + width (4) + height (4)
    if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any frame header
    const length = bytes.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (i + 9 > bytes.length) return null;
      return { height: bytes.readUInt16BE(i + 5), width: bytes.readUInt16BE(i + 7) };
    }
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

export interface CheckedSignature {
  mime: SignatureMime;
  bytes: Buffer;
  width: number;
  height: number;
}

/** Base64 text → a checked, re-encoded image; every refusal is a VALIDATION error naming 签名图片. */
export function checkSignatureImage(base64: string): CheckedSignature {
  const text = base64.replace(/^data:[^,]*,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 === 1) throw refuse('内容不是有效的 base64 编码');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length === 0) throw refuse('文件是空的');
  if (bytes.length > SIGNATURE_MAX_BYTES) {
    throw refuse(`文件为 ${formatBytes(bytes.length, '字节')}，不能超过 ${formatBytes(SIGNATURE_MAX_BYTES, '字节')}`);
  }
  const mime = sniffImage(bytes);
  if (!mime) throw refuse('只接受 PNG 或 JPEG 图片（按文件内容判断，不看文件名）');
  const size = headerSize(bytes, mime);
  if (!size || size.width < 1 || size.height < 1) throw refuse('图片文件已损坏（读不到图片尺寸）');
  if (size.width > MAX_SIDE || size.height > MAX_SIDE || size.width * size.height > MAX_PIXELS) {
    throw refuse(
      `图片尺寸 ${size.width}×${size.height} 过大（每边不超过 ${MAX_SIDE} 像素，总计不超过 ${MAX_PIXELS / 1_000_000} 百万像素）`,
    );
  }
  try {
    if (mime === 'image/png') {
      const png = PNG.sync.read(bytes);
      const out = PNG.sync.write(png, { colorType: 6, deflateLevel: 9 });
      return { mime, bytes: out, width: png.width, height: png.height };
    }
    const raw = jpeg.decode(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_PIXELS / 1_000_000,
      maxMemoryUsageInMB: 64,
    });
    const out = jpeg.encode({ data: raw.data, width: raw.width, height: raw.height }, 90);
    return { mime, bytes: Buffer.from(out.data), width: raw.width, height: raw.height };
  } catch (err) {
    throw refuse(`图片文件已损坏，无法读取（${err instanceof Error ? err.message.slice(0, 80) : String(err)}）`);
  }
}
