/** The falcosidekick webhook listener, tested on 127.0.0.1 only, with small bounded requests. */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopback, MAX_BODY, parseListen, startListener } from '../../src/runtime/listener.js';
import { falco } from './fixtures.js';

let server: Server | undefined;
afterEach(async () => {
  if (server) await new Promise<void>((r) => server!.close(() => r()));
  server = undefined;
});

async function listen(token?: string): Promise<{ url: string; got: Record<string, unknown>[] }> {
  const got: Record<string, unknown>[] = [];
  server = await startListener({ host: '127.0.0.1', port: 0, token, onRecord: (r) => got.push(r) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, got };
}

describe('listener', () => {
  it('accepts a falcosidekick payload on loopback without a token', async () => {
    const { url, got } = await listen();
    const res = await fetch(url, { method: 'POST', body: JSON.stringify(falco('Terminal shell in container', 'vllm/vllm-openai')), headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(200);
    expect(got).toHaveLength(1);
    expect(got[0].rule).toBe('Terminal shell in container');
  });
  it('requires the bearer token when one is set', async () => {
    const { url, got } = await listen('s3cret-token');
    const body = JSON.stringify(falco('Terminal shell in container', 'vllm/vllm-openai'));
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', body, headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', body, headers: { authorization: 'Bearer s3cret-token' } })).status).toBe(200);
    expect(got).toHaveLength(1);
  });
  it('rejects bad JSON, other methods and oversized bodies', async () => {
    const { url, got } = await listen();
    expect((await fetch(url, { method: 'POST', body: '{not json' })).status).toBe(400);
    expect((await fetch(url)).status).toBe(405);
    const big = await fetch(url, { method: 'POST', body: 'x'.repeat(MAX_BODY + 1024) }).catch(() => undefined);
    if (big) expect(big.status).toBe(413);
    expect(got).toHaveLength(0);
  });
  it('refuses a non-loopback bind without a token', async () => {
    await expect(startListener({ host: '0.0.0.0', port: 0, onRecord: () => undefined })).rejects.toThrow(/without --token/);
  });
  it('parses HOST:PORT and recognises loopback addresses', () => {
    expect(parseListen('127.0.0.1:2801')).toEqual({ host: '127.0.0.1', port: 2801 });
    expect(parseListen('[::1]:2801')).toEqual({ host: '::1', port: 2801 });
    expect(parseListen('2801')).toEqual({ host: '127.0.0.1', port: 2801 });
    expect(() => parseListen('host:99999')).toThrow();
    expect(isLoopback('localhost')).toBe(true);
    expect(isLoopback('127.10.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });
});
