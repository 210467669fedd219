/**
 * The attack-path tools in process (official client over the SDK's in-memory transport), on a
 * hand-built report placed in the server's cache as the last scan of a root: its scanned text is
 * hostile on purpose (prompt-injection file names, a raw token, a terminal escape), which no real scan
 * of the bundled example has. The path engine's own output is covered through the built CLI in
 * mcp-server.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Roots } from '../../src/mcp/confine.js';
import { createServer, sharedState } from '../../src/mcp/server.js';
import { pathReport, RAW_TOKEN } from '../support/hostile-path-report.js';

const dir = mkdtempSync(path.join(tmpdir(), 'aigis-mcp-paths-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Answer = { isError?: boolean; content: Array<{ text: string }>; structuredContent?: Record<string, unknown> };

describe('attack-path tools', () => {
  let client: Client;
  beforeAll(async () => {
    const roots = new Roots([dir]);
    const shared = sharedState({ roots, allowProbe: false });
    shared.cache.put('scan', { ...pathReport(), target: { name: roots.dirs[0], type: 'directory' } }, roots.dirs[0]);
    const [a, b] = InMemoryTransport.createLinkedPair();
    await createServer(shared).connect(a);
    client = new Client({ name: 't', version: '1' });
    await client.connect(b);
  });
  const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as Answer;

  it('list_paths: highest score first, paged', async () => {
    const first = JSON.parse((await call('list_paths', { path: '.', limit: 1 })).content[0].text);
    expect(first.computed).toBe(true);
    expect(first.paths.items).toEqual([{ id: 'path-9f1c2e7a', ruleId: 'path/exposed-server-to-ai-account', title: 'Internet-exposed Ollama leads to the OpenAI account', severity: 'critical', score: 91, entry: { kind: 'internet-exposure', assetId: 'compose:docker-compose.yml#ollama' }, target: { kind: 'ai-account', assetId: 'llm-provider:openai' }, steps: 2, variants: 0 }]);
    const second = JSON.parse((await call('list_paths', { path: '.', cursor: first.paths.nextCursor })).content[0].text);
    expect(second.paths.items.map((p: { id: string }) => p.id)).toEqual(['path-03b7d44e']);
    expect(second.paths.nextCursor).toBeUndefined();
  });

  it('explain_path, show_finding and triage answer from the same report', async () => {
    const explained = JSON.parse((await call('explain_path', { path: '.', pathId: 'path-03b7d44e' })).content[0].text);
    expect(explained.text).toMatch(/^\[high, score 55\] Public bucket exposes the training data/);
    expect(explained.path.steps).toHaveLength(2);
    const key = pathReport().findings.find((f) => f.ruleId === 'secret/openai-api-key')!;
    const shown = JSON.parse((await call('show_finding', { path: '.', findingId: key.stableFingerprint!.slice(0, 12) })).content[0].text);
    expect(shown.finding.onPaths).toEqual(['path-9f1c2e7a']);
    const answer = await call('triage', { path: '.' });
    const triage = answer.content[0].text;
    expect(triage.split('\n').find((l) => l.startsWith('1. '))).toContain('path-9f1c2e7a');
    // The structured ranking is the text's, item for item, and carries no raw credential.
    const items = answer.structuredContent!.items as Array<{ rank: number; kind: string; id: string; findings: Array<{ ruleId: string; where: string }> }>;
    expect(items.map((i) => `${i.rank} ${i.kind} ${i.id}`)).toEqual(['1 path path-9f1c2e7a', '2 path path-03b7d44e', '3 rule model/pickle-unsafe-global', '4 rule dockerfile/no-user']);
    expect(items[0].findings.map((f) => f.ruleId)).toEqual(['compose/ollama-exposed', 'secret/openai-api-key']);
    expect(JSON.stringify(answer.structuredContent)).not.toContain(RAW_TOKEN);
    expect((await call('explain_path', { path: '.', pathId: 'path-none' })).isError).toBe(true);
  });
});
