/** `--upload URL` (src/cli/upload.ts): which URLs are accepted, and what is sent to and read from the server. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadReport, uploadTarget } from '../../src/cli/upload.js';
import { CliError } from '../../src/cli/exit.js';

const env = { AIGIS_TOKEN: 'aigis_test-token' };

describe('--upload URL rules', () => {
  it('sends the token over https, or over http to loopback names only', () => {
    for (const ok of ['https://aigis.example/api/v1/reports?project=x', 'http://localhost:8080/api/v1/reports?project=x', 'http://127.0.0.1/?project=x', 'http://[::1]:9000/?project=x']) expect(() => uploadTarget(ok, env), ok).not.toThrow();
    for (const bad of ['http://localhost.attacker.example/?project=x', 'http://10.0.0.5:8080/?project=x', 'http://aigis.example/api/v1/reports?project=x']) expect(() => uploadTarget(bad, env), bad).toThrow(/refusing to send AIGIS_TOKEN over plain http/);
    expect(() => uploadTarget('ftp://aigis.example/?project=x', env)).toThrow(/must be https:\/\//);
    expect(() => uploadTarget('aigis.example/api', env)).toThrow(/is not a URL/);
  });

  it('completes a bare server URL with the reports path and keeps any other path (a server behind a prefix)', () => {
    expect(uploadTarget('https://aigis.example?project=a/b', env).href).toBe('https://aigis.example/api/v1/reports?project=a/b');
    expect(uploadTarget('https://gw.example/aigis/api/v1/reports?project=x', env).pathname).toBe('/aigis/api/v1/reports');
  });

  it('needs a project and keeps credentials out of the URL', () => {
    expect(() => uploadTarget('https://aigis.example/api/v1/reports', env)).toThrow(/name the project/);
    expect(() => uploadTarget('https://u:p@aigis.example/?project=x', env)).toThrow(/put the token in AIGIS_TOKEN, not in the URL/);
  });

  it('checks the token before anything else, so a scan does not run for nothing', () => {
    expect(() => uploadTarget('not a url', {})).toThrow(CliError);
    expect(() => uploadTarget('not a url', {})).toThrow(/AIGIS_TOKEN/);
    expect(() => uploadTarget('https://aigis.example/?project=x', { AIGIS_TOKEN: '' })).toThrow(/AIGIS_TOKEN/);
  });
});

describe('uploadReport', () => {
  let server: Server;
  let base: string;
  const seen: { url: string; headers: IncomingHttpHeaders; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += String(d)));
      req.on('end', () => {
        seen.push({ url: req.url!, headers: req.headers, body });
        const project = new URL(req.url!, 'http://x').searchParams.get('project');
        if (project === 'ok') return res.writeHead(201, { 'content-type': 'application/json' }).end('{"reportId":5,"duplicate":false}');
        if (project === 'again') return res.writeHead(200, { 'content-type': 'application/json' }).end('{"reportId":5,"duplicate":true}');
        if (project === 'denied') return res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"this token cannot upload to project \\"denied\\""}');
        res.writeHead(502).end('<html>bad gateway</html>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts the report bytes as JSON with the bearer token and reads the answer', async () => {
    const body = '{"schemaVersion":1}';
    expect(await uploadReport(`${base}/?project=ok`, body, env, true)).toEqual({ reportId: 5, duplicate: false });
    const req = seen.at(-1)!;
    expect(req).toMatchObject({ url: '/api/v1/reports?project=ok', body });
    expect(req.headers).toMatchObject({ authorization: 'Bearer aigis_test-token', 'content-type': 'application/json' });
    expect(await uploadReport(`${base}/?project=again`, body, env, true)).toEqual({ reportId: 5, duplicate: true });
  });

  it('turns a refusal into a CLI error with the status and the server\'s message', async () => {
    await expect(uploadReport(`${base}/?project=denied`, '{}', env, true)).rejects.toThrow(/refused \(HTTP 403\): this token cannot upload to project "denied"/);
    await expect(uploadReport(`${base}/?project=proxy`, '{}', env, true)).rejects.toThrow(/refused \(HTTP 502\): <html>bad gateway/);
  });

  it('names the network error when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await uploadReport(`http://127.0.0.1:${port}/?project=x`, '{}', env, true).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(String((err as Error).message)).toMatch(/upload to http:\/\/127\.0\.0\.1:\d+ failed: ECONNREFUSED/);
  });
});
