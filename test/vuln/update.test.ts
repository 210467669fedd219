/** `aigis db update` against a local HTTP server standing in for osv-vulnerabilities.storage.googleapis.com. */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateDatabase, UpdateError } from '../../src/vuln/update.js';
import { effectiveRecords, readStore } from '../../src/vuln/store.js';
import { raw } from './helpers.js';
import { makeZip } from './zip-writer.js';

let server: Server;
let base: string;
let dir: string;
const requests: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'aigis-update-'));
  const zips: Record<string, Buffer> = {
    '/good/PyPI/all.zip': makeZip({ 'GHSA-6wgj-66m2-xxp2.json': JSON.stringify(raw('GHSA-6wgj-66m2-xxp2')) }),
    '/good/npm/all.zip': makeZip({ 'GHSA-6xpm-ggf7-wc3p.json': JSON.stringify(raw('GHSA-6xpm-ggf7-wc3p')) }),
    '/good/Go/all.zip': makeZip({ 'GO-2099-0001.json': JSON.stringify({ id: 'GO-2099-0001', modified: '2099-01-01T00:00:00Z', affected: [{ package: { ecosystem: 'Go', name: 'github.com/ollama/ollama' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '0.1.34' }] }] }] }) }),
    '/corrupt/PyPI/all.zip': Buffer.from('PK\x03\x04 this is not a zip'),
    '/corrupt/npm/all.zip': makeZip({}),
  };
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const body = zips[req.url ?? ''];
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/zip', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address() as { port: number };
  base = `http://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('db update', () => {
  it('downloads the PyPI, npm and Go exports and replaces the database', async () => {
    const store = await updateDatabase({ baseUrl: `${base}/good`, dir });
    expect(requests).toContain('/good/PyPI/all.zip');
    expect(requests).toContain('/good/npm/all.zip');
    expect(requests).toContain('/good/Go/all.zip');
    expect(store.bundled).toBe(false);
    const { records } = await effectiveRecords(dir);
    expect(records.map((r) => r.id).sort()).toEqual(['GHSA-6wgj-66m2-xxp2', 'GHSA-6xpm-ggf7-wc3p', 'GO-2099-0001']);
  });

  it('a corrupt download is an error and leaves the database as it was', async () => {
    const before = await readStore(dir);
    await expect(updateDatabase({ baseUrl: `${base}/corrupt`, dir })).rejects.toThrow(/corrupt zip/);
    expect(await readStore(dir)).toEqual(before);
  });

  it('HTTP errors and unreachable hosts give a clear message', async () => {
    await expect(updateDatabase({ baseUrl: `${base}/missing`, dir })).rejects.toThrow(/HTTP 404/);
    // A port nothing listens on: connection refused, as without network.
    await expect(updateDatabase({ baseUrl: 'http://127.0.0.1:9', dir, timeoutMs: 2000 })).rejects.toThrow(/cannot download .*offline/);
  });

  it('refuses plain HTTP to anything but loopback', async () => {
    await expect(updateDatabase({ baseUrl: 'http://example.com', dir })).rejects.toThrow(UpdateError);
  });
});
