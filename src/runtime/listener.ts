/**
 * `aigis detect --listen HOST:PORT`: receives falcosidekick webhook payloads (one Falco alert as JSON
 * per POST; falcosidekick's "webhook" output) and feeds them to the session. Loopback by default; a
 * non-loopback bind is refused unless a bearer token is set, and when a token is set every request
 * must carry it (`Authorization: Bearer …`, compared in constant time). Bodies are capped.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { isIP } from 'node:net';

export const MAX_BODY = 1024 * 1024;

export interface ListenOptions {
  host: string;
  port: number;
  token?: string;
  onRecord(record: Record<string, unknown>, origin: string): void;
}

export class ListenError extends Error {}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

/** `HOST:PORT`, `[::1]:PORT` or `PORT` (loopback). */
export function parseListen(value: string): { host: string; port: number } {
  const v = value.trim();
  const m = /^(?:(?:\[([^\]]+)\]|([^:[\]]+)):)?(\d+)$/.exec(v);
  if (!m) throw new ListenError(`--listen needs HOST:PORT, got "${value}"`);
  const port = Number(m[3]);
  if (port > 65535) throw new ListenError(`invalid port ${port}`);
  return { host: m[1] ?? m[2] ?? '127.0.0.1', port };
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

function authorised(req: IncomingMessage, token: string | undefined): boolean {
  if (!token) return true;
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(h);
  if (!m) return false;
  return timingSafeEqual(digest(m[1].trim()), digest(token));
}

export function startListener(opts: ListenOptions): Promise<Server> {
  if (!isLoopback(opts.host) && !opts.token) {
    return Promise.reject(new ListenError(`refusing to listen on non-loopback address ${opts.host} without --token (or AIGIS_LISTEN_TOKEN)`));
  }
  let n = 0;
  const server = createServer((req, res) => {
    const reply = (code: number, msg: string): void => {
      res.writeHead(code, { 'content-type': 'text/plain' });
      res.end(msg + '\n');
    };
    if (!authorised(req, opts.token)) return reply(401, 'unauthorized');
    if (req.method !== 'POST') return reply(405, 'POST falcosidekick webhook payloads here');
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      if (tooBig) return;
      size += c.length;
      if (size > MAX_BODY) {
        tooBig = true;
        chunks.length = 0;
        res.setHeader('connection', 'close');
        reply(413, 'payload too large');
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (tooBig) return;
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(400, 'body is not JSON');
      }
      const records = Array.isArray(body) ? body : [body];
      for (const r of records) if (r && typeof r === 'object' && !Array.isArray(r)) opts.onRecord(r as Record<string, unknown>, `listen#${++n}`);
      reply(200, 'ok');
    });
  });
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve(server));
  });
}
