/**
 * The only network code of `aigis probe`: one bounded request at a time, never more than the caller
 * allows. Safe by construction: the method allow-list is enforced here (GET/HEAD/OPTIONS, and POST only
 * for the JSON-RPC methods of the MCP handshake), every request has a timeout and a body cap, redirects
 * are never followed (a redirect to a login page is itself a signal), and certificate problems are
 * reported instead of silently ignored.
 */
import http from 'node:http';
import https from 'node:https';
import { VERSION } from '../version.js';

export const USER_AGENT = `aigis-probe/${VERSION} (+https://github.com/aigis-security/aigis; authorised AI endpoint posture check)`;

export type Method = 'GET' | 'HEAD' | 'OPTIONS' | 'POST';

/** JSON-RPC methods that may be POSTed: the MCP handshake and the tool listing, nothing that acts. */
export const MCP_HANDSHAKE_METHODS = new Set(['initialize', 'notifications/initialized', 'tools/list']);

export interface HttpRequest {
  method: Method;
  url: string;
  headers?: Record<string, string>;
  /** JSON body, only for POST (MCP handshake). */
  json?: unknown;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Up to `maxBytes` of the body, decoded as UTF-8 (lossy). */
  body: string;
  truncated: boolean;
}

export interface TlsProblem {
  code: string;
  message: string;
}

export type HttpResult = { ok: true; response: HttpResponse; tls?: TlsProblem } | { ok: false; error: string; code?: string; tls?: TlsProblem };

export interface HttpOptions {
  timeoutMs: number;
  maxBytes: number;
  insecure: boolean;
  agents: { http: http.Agent; https: https.Agent };
}

/** Thrown before anything is sent when a request is not one probe may make (a programming error). */
export class UnsafeRequestError extends Error {}

/** Refuses anything but GET/HEAD/OPTIONS and the MCP handshake POSTs. */
export function assertSafe(req: HttpRequest): void {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
    if (req.json !== undefined) throw new UnsafeRequestError(`${req.method} with a body`);
    return;
  }
  if (req.method === 'POST') {
    const m = (req.json as { method?: unknown } | undefined)?.method;
    if (typeof m === 'string' && MCP_HANDSHAKE_METHODS.has(m)) return;
    throw new UnsafeRequestError(`POST is only sent for the MCP handshake, not for ${JSON.stringify(m)}`);
  }
  throw new UnsafeRequestError(`method ${String(req.method)} is never sent`);
}

const TLS_CODES = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|UNABLE_TO_GET_ISSUER/;

export function makeAgents(maxSockets: number): HttpOptions['agents'] {
  return { http: new http.Agent({ keepAlive: true, maxSockets }), https: new https.Agent({ keepAlive: true, maxSockets }) };
}

/** Sends one request; never throws for network problems (they come back as `{ ok: false }`). */
export function send(req: HttpRequest, opts: HttpOptions): Promise<HttpResult> {
  assertSafe(req);
  const url = new URL(req.url);
  const isHttps = url.protocol === 'https:';
  const body = req.json !== undefined ? Buffer.from(JSON.stringify(req.json)) : undefined;
  const headers: Record<string, string> = { 'user-agent': USER_AGENT, accept: 'application/json, text/event-stream;q=0.9, */*;q=0.5', ...req.headers };
  if (body) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(body.length);
  }
  return new Promise((resolve) => {
    let settled = false;
    let tls: TlsProblem | undefined;
    const done = (r: HttpResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(tls && !r.tls ? { ...r, tls } : r);
    };
    const options: https.RequestOptions = {
      method: req.method,
      headers,
      agent: isHttps ? opts.agents.https : opts.agents.http,
      // With --insecure the request goes on, but the certificate is still checked and reported below.
      rejectUnauthorized: !opts.insecure,
    };
    const client = isHttps ? https : http;
    const r = client.request(url, options, (res) => {
      const sock = res.socket as { authorized?: boolean; authorizationError?: Error | string } | null;
      if (isHttps && sock && sock.authorized === false && sock.authorizationError) {
        const e = sock.authorizationError;
        tls = { code: typeof e === 'string' ? e : ((e as NodeJS.ErrnoException).code ?? e.message), message: typeof e === 'string' ? e : e.message };
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const isStream = /text\/event-stream/i.test(String(res.headers['content-type'] ?? ''));
      const finish = (): void => {
        const hdrs: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) hdrs[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        done({ ok: true, response: { status: res.statusCode ?? 0, headers: hdrs, body: Buffer.concat(chunks).toString('utf8'), truncated } });
      };
      res.on('data', (c: Buffer) => {
        if (settled) return;
        const room = opts.maxBytes - size;
        chunks.push(room >= c.length ? c : c.subarray(0, Math.max(0, room)));
        size += Math.min(room, c.length);
        // An SSE stream never ends: the first complete event is all probe needs.
        const firstEvent = isStream && /\n\r?\n/.test(Buffer.concat(chunks).toString('utf8'));
        if (size >= opts.maxBytes || firstEvent) {
          truncated = size >= opts.maxBytes;
          finish();
          res.destroy();
        }
      });
      res.on('end', finish);
      res.on('error', () => finish());
      res.on('close', finish);
    });
    const timer = setTimeout(() => {
      r.destroy(new Error('timeout'));
    }, opts.timeoutMs);
    r.on('error', (err: NodeJS.ErrnoException) => {
      const code = err.code ?? (err.message === 'timeout' ? 'ETIMEDOUT' : undefined);
      if (code && TLS_CODES.test(code)) tls = { code, message: err.message };
      done({ ok: false, error: err.message === 'timeout' ? `no answer within ${opts.timeoutMs} ms` : err.message, code });
    });
    if (body) r.end(body);
    else r.end();
  });
}
