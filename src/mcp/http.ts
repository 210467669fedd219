/**
 * Streamable HTTP for `aigis mcp --http`: stateless (a fresh server and transport per POST, the SDK's
 * stateless pattern), on loopback unless a token is set. With a token every request needs
 * `Authorization: Bearer <token>` (compared in constant time). On loopback the SDK's DNS-rebinding
 * protection is on: a web page cannot reach the server through a hostname that resolves to 127.0.0.1.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createServer, type McpShared } from './server.js';

export const MCP_HTTP_PATH = '/mcp';
const MAX_BODY = 1024 * 1024;

export class McpListenError extends Error {}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function originIsLoopback(origin: string): boolean {
  try {
    return isLoopback(new URL(origin).hostname);
  } catch {
    return false;
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
  if (!m) return false;
  // Hash both so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(m[1].trim()).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function reject(res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...extra });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of req) {
    n += (chunk as Buffer).length;
    if (n > MAX_BODY) throw new McpListenError('request body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

export async function startHttp(shared: McpShared, opts: { host: string; port: number; token?: string }): Promise<Server> {
  if (!opts.token && !isLoopback(opts.host)) throw new McpListenError(`refusing to serve on ${opts.host} without a token: set --token or AIGIS_MCP_TOKEN, or bind to 127.0.0.1`);
  const http = createHttpServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) reject(res, 500, 'internal error');
      else res.end();
    });
  });
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== MCP_HTTP_PATH) return reject(res, 404, `not found: the MCP endpoint is ${MCP_HTTP_PATH}`);
    if (opts.token && !tokenMatches(req.headers.authorization, opts.token)) return reject(res, 401, 'unauthorized', { 'www-authenticate': 'Bearer' });
    // A web page the user visits may post to loopback; browsers say who sent it in Origin (the MCP
    // specification asks servers to check it). Without a token only loopback origins are served.
    if (!opts.token && req.headers.origin !== undefined && !originIsLoopback(req.headers.origin)) return reject(res, 403, 'forbidden origin');
    if (req.method !== 'POST') return reject(res, 405, 'method not allowed (stateless server: POST only)', { allow: 'POST' });
    let body: unknown;
    try {
      body = await readBody(req);
    } catch (err) {
      return reject(res, 400, err instanceof McpListenError ? err.message : 'body is not JSON');
    }
    const port = (http.address() as { port: number }).port;
    const loopback = isLoopback(opts.host);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      // Answers as an event stream: a tool call's progress notifications travel on it before the result.
      enableJsonResponse: false,
      ...(loopback ? { enableDnsRebindingProtection: true, allowedHosts: [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`] } : {}),
    });
    const server = createServer(shared);
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }
  await new Promise<void>((resolve, rejectListen) => {
    http.once('error', rejectListen);
    http.listen(opts.port, opts.host, () => {
      http.off('error', rejectListen);
      resolve();
    });
  });
  return http;
}
