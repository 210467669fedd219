/** Small uploads for the server tests: aigis JSON reports, SARIF from "another tool", a CycloneDX BOM, Falco events. */
import { createHash } from 'node:crypto';

export interface F {
  rule: string;
  path: string;
  line?: number;
  severity?: string;
  evidence?: string;
  message?: string;
}

const fp = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);

/** `nonce` makes otherwise equal reports differ (createdAt), like two CI runs of the same tree. */
export function aigisReport(findings: F[], nonce = 0, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    schemaVersion: 1,
    tool: { name: 'aigis', version: '0.1.0' },
    command: 'scan',
    target: { name: 'repo', type: 'directory' },
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, nonce)).toISOString(),
    findings: findings.map((f) => ({
      ruleId: f.rule,
      severity: f.severity ?? 'high',
      category: 'misconfiguration',
      title: `Title of ${f.rule}`,
      message: f.message ?? `${f.rule} in ${f.path}`,
      location: { path: f.path, startLine: f.line ?? 1 },
      evidence: f.evidence,
      remediation: 'Fix it.',
      references: {},
      // Line-based and line-free fingerprints, as makeFinding writes them.
      fingerprint: fp(`${f.rule}|${f.path}|${f.line ?? 1}`),
      stableFingerprint: fp(`${f.rule}|${f.path}|${f.evidence ?? ''}`),
    })),
    suppressed: [],
    assets: [
      { id: 'llm-provider:bedrock', kind: 'llm-provider', name: 'Amazon Bedrock', locations: [{ path: 'app.py', startLine: 3 }], properties: { sdk: 'boto3' }, relations: [] },
      { id: 'mcp-server:fs', kind: 'mcp-server', name: 'filesystem', locations: [{ path: '.mcp.json' }], properties: { command: 'npx -y @modelcontextprotocol/server-filesystem' }, relations: [] },
    ],
    notes: [],
    stats: { files: 1, bytes: 1, skipped: 0, durationMs: 1 },
    rules: [],
    ...extra,
  };
}

export const samplePaths = {
  version: 1,
  items: [
    {
      id: 'path-abc',
      ruleId: 'path/exposed-server-to-training-data',
      title: 'Internet-exposed model server reaches training data',
      severity: 'critical',
      score: 91,
      entry: { kind: 'internet-exposure', assetId: 'ai-server:vllm' },
      target: { kind: 'training-data', assetId: 'cloud-resource:bucket' },
      steps: [
        { role: 'entry', assetId: 'ai-server:vllm', assetKind: 'ai-server', assetName: 'vllm', description: 'Reachable from the internet.', location: { path: 'k8s/vllm.yaml', startLine: 4 } },
        { role: 'pivot', assetId: 'workload:vllm', assetKind: 'workload', assetName: 'vllm pod', description: 'Runs with the node role.', via: 'runs' },
        { role: 'target', assetId: 'cloud-resource:bucket', assetKind: 'cloud-resource', assetName: 'training-bucket', description: 'Reads the training data.', via: 'reads' },
      ],
    },
  ],
};

export function sarif(results: { rule: string; uri: string; line: number; text: string; level?: string; partial?: Record<string, string> }[], tool = 'othertool'): Record<string, unknown> {
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: tool, rules: [{ id: 'R1', shortDescription: { text: 'Rule one' }, help: { text: 'Do better.' } }] } },
        results: results.map((r) => ({
          ruleId: r.rule,
          level: r.level ?? 'error',
          message: { text: r.text },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.uri }, region: { startLine: r.line } } }],
          ...(r.partial ? { partialFingerprints: r.partial } : {}),
        })),
      },
    ],
  };
}

export function cyclonedx(): Record<string, unknown> {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    metadata: { timestamp: '2026-01-01T00:00:00Z', component: { name: 'svc', type: 'application' } },
    components: [
      { 'bom-ref': 'torch', type: 'library', name: 'torch', version: '2.5.1', purl: 'pkg:pypi/torch@2.5.1' },
      { 'bom-ref': 'm1', type: 'machine-learning-model', name: 'meta-llama/Llama-3-8B' },
    ],
    vulnerabilities: [{ id: 'CVE-2025-32434', ratings: [{ severity: 'critical' }], description: 'torch.load RCE', affects: [{ ref: 'torch' }] }],
  };
}

export function falcoEvent(rule: string, time = '2026-01-02T03:04:05.000Z'): Record<string, unknown> {
  return {
    uuid: 'a1b2',
    output: `${time}: Critical Shell spawned in inference container (user=root container=vllm)`,
    priority: 'Critical',
    rule,
    time,
    source: 'syscall',
    hostname: 'node-1',
    tags: ['container', 'mitre_execution'],
    output_fields: { 'container.name': 'vllm', 'proc.cmdline': 'sh -c id', 'user.name': 'root' },
  };
}

/** A random-looking GitHub token (the catalogue's look-alike filters keep it): the server must store it redacted. */
export const FAKE_TOKEN = 'ghp_ma6DsAKnGbkuaIU6dxKO7rYbbGsTac6Ama6D';
