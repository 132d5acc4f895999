// The address to open as a QR code image (an SVG data URL: allowed by the page's img-src, no script, no network).
import { renderSVG } from 'uqr';

export function qrDataUrl(text: string): string {
  const svg = renderSVG(text, { border: 2, ecc: 'M' });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** A typed list of subnets: commas, Chinese commas, spaces or new lines between them. */
export function splitSubnets(text: string): string[] {
  return text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
