// The pack last generated on the screen, so its print preview in the same window prints exactly what the screen listed
// and the .pptx holds, without asking the core a second time (~3 s on the large demo). A preview in a window of its own
// (the desktop app) or a pack older than a few minutes is asked for again.
import type { MeetingPack, PackRequest } from '@/print/forms/meetingPack';

const FRESH_MS = 5 * 60_000;

let last: { key: string; pack: MeetingPack; at: number } | null = null;

const keyOf = (req: PackRequest) => JSON.stringify([req.month, req.regionId ?? null, req.teamId ?? null]);

export function rememberPack(req: PackRequest, pack: MeetingPack, now = Date.now()): void {
  last = { key: keyOf(req), pack, at: now };
}

/** The pack generated for this request within the last few minutes, or null. */
export function recentPack(req: PackRequest, now = Date.now()): MeetingPack | null {
  return last && last.key === keyOf(req) && now - last.at <= FRESH_MS ? last.pack : null;
}
