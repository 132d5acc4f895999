// The LAN session cookie: HttpOnly (page scripts never see the token), SameSite=Strict (another site's page cannot
// send it), no Max-Age (gone with the browser; the core's idle timeout ends it sooner). Not Secure: the office LAN is
// plain http, where a browser would drop a Secure cookie.
export const SESSION_COOKIE = 'salesdesk_session';

/** Cookie header → name/value pairs; a malformed pair is skipped, the first of two equal names wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !cookies.has(name)) cookies.set(name, value);
  }
  return cookies;
}

/** The session token a request carries, if any (tokens are base64url: anything else is not one of ours). */
export function sessionFromCookie(header: string | undefined): string | undefined {
  const value = parseCookies(header).get(SESSION_COOKIE);
  return value && /^[A-Za-z0-9_-]{1,100}$/.test(value) ? value : undefined;
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`;
}
