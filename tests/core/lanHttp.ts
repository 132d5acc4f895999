// A LAN client for tests: plain http.request, so Host, Origin and Cookie are exactly what the test says.
import http from 'node:http';

export interface LanAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: any;
  text: string;
}

export function lanRequest(
  address: string,
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; agent?: http.Agent },
): Promise<LanAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: address, port, method: options.method ?? 'GET', path: options.path, headers: options.headers, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = null;
          try {
            body = JSON.parse(text);
          } catch {
            body = null;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text });
        });
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** One browser on the LAN: keeps the session cookie the server sets, sends Origin like a page of the server would. */
export class LanBrowser {
  cookie = '';
  constructor(
    readonly address: string,
    readonly port: number,
    readonly agent?: http.Agent,
  ) {}

  get origin(): string {
    return `http://${this.address}:${this.port}`;
  }

  async call(method: string, input: unknown, extra: Record<string, string> = {}): Promise<LanAnswer> {
    const answer = await lanRequest(this.address, this.port, {
      method: 'POST',
      path: `/api/${encodeURIComponent(method)}`,
      agent: this.agent,
      headers: {
        Host: `${this.address}:${this.port}`,
        Origin: this.origin,
        'Content-Type': 'application/json',
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...extra,
      },
      body: JSON.stringify({ input }),
    });
    const set = answer.headers['set-cookie']?.[0];
    if (set) {
      const pair = set.split(';')[0]!;
      this.cookie = /Max-Age=0/.test(set) ? '' : pair;
    }
    return answer;
  }
}
