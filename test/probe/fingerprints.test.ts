import { afterAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../src/probe/engine.js';
import { parseTarget } from '../../src/probe/targets.js';
import { probeRules } from '../../src/probe/rules.js';
import { FINGERPRINTS } from '../../src/probe/fingerprints.js';
import { DECOYS, SERVICES, startFake, type FakeServer } from './fake-services.js';

const servers: FakeServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});
async function probe(route: Parameters<typeof startFake>[0], path = '') {
  const s = await startFake(route);
  servers.push(s);
  return { server: s, result: await runProbe([parseTarget(s.url + path)], { timeoutMs: 3000 }) };
}

describe('every fingerprint has a rule, references and sources', () => {
  it('rule ids are stable, unique and carry CWE, OWASP LLM and ATLAS references', () => {
    const ids = probeRules().map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const fp of FINGERPRINTS) {
      expect(fp.sources.length).toBeGreaterThan(0);
      expect(fp.references.cwe).toContain('CWE-306');
      expect(fp.references.owaspLlm?.length).toBeGreaterThan(0);
      expect(fp.references.atlas?.length).toBeGreaterThan(0);
    }
    expect(probeRules().find((r) => r.id === 'probe/ray-dashboard-unauthenticated')?.references.cve).toContain('CVE-2023-48022');
  });
});

describe('open services are identified with the endpoint URL as location', () => {
  for (const [name, svc] of Object.entries(SERVICES)) {
    it(`${name}: open → ${svc.expectRule}`, async () => {
      const { server, result } = await probe(svc.open);
      const f = result.findings.find((x) => x.ruleId === svc.expectRule);
      expect(f, JSON.stringify(result.findings.map((x) => x.ruleId))).toBeDefined();
      expect(f!.location.url?.startsWith(server.url)).toBe(true);
      expect(f!.category).toBe('exposure');
      expect(result.assets.some((a) => a.id === f!.assetId && a.kind === 'ai-server' && a.properties.auth === 'none')).toBe(true);
      // Generic fingerprints stand down when a specific one identified the service.
      if (!svc.expectRule.includes('openai-compatible')) expect(result.findings.some((x) => x.ruleId === 'probe/openai-compatible-unauthenticated')).toBe(false);
    });
  }
});

describe('protected services stay protected', () => {
  for (const [name, svc] of Object.entries(SERVICES)) {
    if (!svc.protected) continue;
    it(`${name}: protected → no exposure finding${svc.expectProtectedAsset ? `, ${svc.expectProtectedAsset} asset` : ''}`, async () => {
      const { result } = await probe(svc.protected!);
      expect(result.findings.filter((f) => f.ruleId !== 'probe/metrics-unauthenticated').map((f) => f.ruleId)).toEqual([]);
      const assets = result.assets.filter((a) => a.properties.auth === 'required');
      expect(assets.length).toBeGreaterThan(0);
      if (svc.expectProtectedAsset) expect(assets.map((a) => a.properties.service)).toContain(svc.expectProtectedAsset);
    });
  }
});

describe('evidence is redacted', () => {
  it('Ray job entrypoints and env keep no secret', async () => {
    const { result } = await probe(SERVICES.ray.open);
    const jobs = result.findings.find((f) => f.ruleId === 'probe/ray-jobs-api-unauthenticated')!;
    expect(jobs.evidence).toMatch(/entrypoint/);
    expect(jobs.evidence).not.toMatch(/hf_abcdefghijklmnopqrstuvwxyz0123/);
    expect(jobs.evidence).toMatch(/chars\)/);
  });
  it('Langflow access token and LiteLLM keys never appear', async () => {
    const lf = await probe(SERVICES.langflow.open);
    const ev = lf.result.findings.find((f) => f.ruleId === 'probe/langflow-unauthenticated')!.evidence!;
    expect(ev).toMatch(/access_token: /);
    expect(ev).not.toMatch(/c2lnbmF0dXJl/);
    const ll = await probe(SERVICES.litellm.open);
    expect(JSON.stringify(ll.result)).not.toContain('A1b2C3d4E5f6G7h8I9j0');
  });
  it('MCP evidence names the server and its tools, gathered through the handshake', async () => {
    const { result, server } = await probe(SERVICES['mcp-http'].open);
    const f = result.findings.find((x) => x.ruleId === 'probe/mcp-streamable-http-unauthenticated')!;
    expect(f.evidence).toContain('filesystem-server');
    expect(f.evidence).toContain('run_shell');
    expect(server.log.filter((r) => r.method === 'POST').map((r) => r.rpc)).toEqual(['initialize', 'notifications/initialized', 'tools/list']);
  });
});

describe('a protected server with an open /metrics', () => {
  it('vLLM with --api-key: vllm asset protected, metrics finding raised to medium', async () => {
    const { result } = await probe(SERVICES.vllm.protected!);
    const m = result.findings.find((f) => f.ruleId === 'probe/metrics-unauthenticated')!;
    expect(m.severity).toBe('medium');
    expect(m.evidence).toContain('vllm:num_requests_running');
    expect(m.assetId).toMatch(/^ai-server:vllm@/);
  });
});

describe('quiet twins: look-alikes raise nothing', () => {
  for (const [name, route] of Object.entries(DECOYS)) {
    it(name, async () => {
      const { result } = await probe(route);
      expect(result.findings).toEqual([]);
      expect(result.assets.filter((a) => a.properties.auth === 'none')).toEqual([]);
    });
  }
  it('a port with nothing listening is a note, not a finding', async () => {
    const s = await startFake(DECOYS['not-found-everywhere']);
    await s.close();
    const result = await runProbe([parseTarget(s.url)], { timeoutMs: 2000 });
    expect(result.findings).toEqual([]);
    expect(result.stats.unreachable).toBe(1);
    expect(result.notes[0].message).toMatch(/unreachable/);
  });
});

describe('base paths', () => {
  it('an MCP server named by its URL path is probed there', async () => {
    const route = SERVICES['mcp-http'].open;
    const { result } = await probe((req) => route({ ...req, path: req.path.replace(/^\/tools\/mcp/, '/mcp') }), '/tools/mcp');
    expect(result.findings.map((f) => f.ruleId)).toContain('probe/mcp-streamable-http-unauthenticated');
  });
});
