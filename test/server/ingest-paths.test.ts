/** Attack paths of an upload (src/server/ingest/paths.ts): checked against the report contract before the dashboard draws them. */
import { describe, expect, it } from 'vitest';
import { normalizePaths } from '../../src/server/ingest/paths.js';
import { renderPaths } from '../../src/server/ui/paths.js';
import { FAKE_TOKEN, samplePaths } from './fixtures.js';

const clone = () => JSON.parse(JSON.stringify(samplePaths)) as { version: 1; items: Record<string, unknown>[] & { steps: Record<string, unknown>[] }[]; omitted?: unknown };

describe('uploaded attack paths', () => {
  it('keeps the fields of the contract and drops anything else', () => {
    const doc = clone();
    Object.assign(doc.items[0], { variants: 2, extra: { script: '<x>' } });
    Object.assign(doc.items[0].steps[0], { finding: { ruleId: 'k8s/x', fingerprint: 'f1' }, bogus: 1 });
    doc.omitted = 3;
    const out = normalizePaths(doc)!;
    expect(out.omitted).toBe(3);
    expect(out.items[0]).toMatchObject({ id: 'path-abc', ruleId: 'path/exposed-server-to-training-data', severity: 'critical', score: 91, variants: 2, entry: { kind: 'internet-exposure', assetId: 'ai-server:vllm' } });
    expect(out.items[0]).not.toHaveProperty('extra');
    expect(out.items[0].steps[0]).toEqual({
      role: 'entry',
      assetId: 'ai-server:vllm',
      assetKind: 'ai-server',
      assetName: 'vllm',
      description: 'Reachable from the internet.',
      finding: { ruleId: 'k8s/x', fingerprint: 'f1' },
      location: { path: 'k8s/vllm.yaml', startLine: 4 },
    });
    expect(out.items[0].steps[1].via).toBe('runs');
  });

  it('redacts credentials quoted in step descriptions and names', () => {
    const doc = clone();
    doc.items[0].steps[2].description = `Reads with ${FAKE_TOKEN}.`;
    doc.items[0].steps[2].assetName = `bucket ${FAKE_TOKEN}`;
    expect(JSON.stringify(normalizePaths(doc))).not.toContain(FAKE_TOKEN);
  });

  it('treats a missing or null section as none, and refuses a malformed one naming the field', () => {
    expect(normalizePaths(undefined)).toBeUndefined();
    expect(normalizePaths(null)).toBeUndefined();
    const bad = (mutate: (d: ReturnType<typeof clone>) => void) => {
      const d = clone();
      mutate(d);
      return () => normalizePaths(d);
    };
    expect(() => normalizePaths('paths')).toThrow(/"items" array/);
    expect(bad((d) => (d.items[0].score = 'high'))).toThrow(/paths\.items\[0\]\.score must be a number/);
    expect(bad((d) => (d.items[0].severity = 'urgent'))).toThrow(/paths\.items\[0\]\.severity/);
    expect(bad((d) => (d.items[0].target = { kind: 'node' }))).toThrow(/paths\.items\[0\]\.target needs a kind and an assetId/);
    expect(bad((d) => (d.items[0].steps = []))).toThrow(/steps must be a non-empty array/);
    expect(bad((d) => (d.items[0].steps[1].role = 'attacker'))).toThrow(/steps\[1\]\.role must be entry, pivot or target/);
    expect(bad((d) => (d.items[0].steps[1].assetId = { id: 1 }))).toThrow(/steps\[1\]\.assetId must be a non-empty string/);
    expect(bad((d) => (d.items = Array.from({ length: 1001 }, () => d.items[0])))).toThrow(/1001 attack paths exceed the limit of 1000/);
    expect(bad((d) => (d.items[0].steps = Array.from({ length: 65 }, () => d.items[0].steps[1])))).toThrow(/65 steps \(at most 64\)/);
  });
});

describe('dashboard attack paths', () => {
  it('draws the graph and lists every path, escaping scanned text', () => {
    const doc = clone();
    doc.items[0].steps[2].assetName = '<script>alert(1)</script>';
    const out = renderPaths(normalizePaths(doc)!).value;
    expect(out).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="aigis-path-graph"');
    expect(out).toMatch(/<g class="node node-source"[^>]*data-role="source"/);
    expect(out.match(/<g class="node /g)).toHaveLength(4); // Internet + three steps
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;');
    // No inline style or script anywhere (the CSP allows neither).
    expect(out).not.toMatch(/\sstyle=|<script|\son[a-z]+=/i);
    expect(out.match(/<li>/g)).toHaveLength(3);
  });

  it('shows the lists alone when a stored path cannot be drawn, and a note when there is none', () => {
    const broken = { version: 1 as const, items: [{ ...clone().items[0], entry: undefined }] } as unknown as Parameters<typeof renderPaths>[0];
    const out = renderPaths(broken).value;
    expect(out).not.toContain('<svg');
    expect(out).toContain('id="path-list"');
    expect(renderPaths(null).value).toContain('No attack paths');
  });
});
