/**
 * A deterministic Report that exercises every branch of the formatters: file + lines, archive
 * member, URL, runtime event, inline and ignore-file suppressions, an expired-ignore note, hostile
 * text (pipes, backticks, HTML, control characters) and assets.
 */
import type { Report, RuleMeta } from '../../src/core/model.js';
import { makeFinding } from '../../src/core/finding.js';
import { EXPIRED_IGNORE_SOURCE } from '../../src/suppress/apply.js';

export const sampleRules: RuleMeta[] = [
  {
    id: 'secret/openai-api-key',
    title: 'OpenAI API key',
    severity: 'critical',
    category: 'secret',
    description: 'A live-format OpenAI API key is committed; anyone with the repository can bill model usage to your account.',
    remediation: 'Revoke the key in the OpenAI dashboard, issue a new one and load it from a secret manager.',
    references: { cwe: ['CWE-798'], owaspLlm: ['LLM02'], atlas: ['AML.T0055'], urls: ['https://platform.openai.com/docs/api-reference/authentication'] },
    tags: ['llmjacking'],
    confidence: 'high',
  },
  {
    id: 'model/pickle-unsafe-global',
    title: 'Pickle imports a dangerous global',
    severity: 'high',
    category: 'unsafe-artifact',
    description: 'Loading the pickle executes `os.system` | shell commands.',
    remediation: 'Convert the model to safetensors.',
    references: { cve: ['CVE-2025-32434'], ghsa: ['GHSA-53q9-r3pm-6pq6'], cwe: ['CWE-502'], owaspLlm: ['LLM03'], atlas: ['AML.T0010'] },
  },
  {
    id: 'probe/ollama-unauthenticated',
    title: 'Ollama API without authentication',
    severity: 'medium',
    category: 'exposure',
    description: 'The endpoint answers without credentials.',
    remediation: 'Bind to localhost or put an authenticating proxy in front.',
    references: { cwe: ['CWE-306'] },
  },
  {
    id: 'runtime/bedrock-model-enumeration',
    title: 'Bedrock model enumeration',
    severity: 'low',
    category: 'detection',
    description: 'A principal listed foundation models, a common LLMjacking reconnaissance step.',
    remediation: 'Check whether the principal should use Bedrock.',
    references: { attack: ['T1580'] },
  },
];

const [openai, pickle, ollama, bedrock] = sampleRules;

export function sampleReport(): Report {
  const leaked = makeFinding(openai, {
    location: { path: 'app/settings.py', startLine: 12, endLine: 12, startColumn: 17, endColumn: 72 },
    message: 'OpenAI project key assigned to OPENAI_API_KEY.',
    evidence: 'sk-proj-…(164 chars)',
  });
  const hostile = makeFinding(openai, {
    location: { path: 'notes/we|ird `name` <b>x</b>.md', startLine: 3 },
    message: 'Key in a | pipe `tick` <script>alert(1)</script> and\nnewline \x1b[31mred',
    evidence: 'sk-…(51 chars)',
  });
  const member = makeFinding(pickle, {
    location: { path: 'models/classifier.pt', member: 'archive/data.pkl' },
    message: 'The pickle calls posix.system.',
    evidence: 'posix.system',
  });
  const endpoint = makeFinding(ollama, { location: { url: 'http://10.0.0.5:11434/api/tags' }, message: 'GET /api/tags returned 200 without credentials.' });
  const event = makeFinding(bedrock, { location: { eventIds: ['ev-1', 'ev-2'] }, message: 'ListFoundationModels by arn:aws:iam::123456789012:user/ci.' });
  const inline = makeFinding(openai, { location: { path: 'tests/test_client.py', startLine: 4 }, message: 'OpenAI key in a test.', evidence: 'sk-proj-…(164 chars)' });
  const ignored = makeFinding(openai, { location: { path: 'docs/example.env', startLine: 1 }, message: 'OpenAI key in docs.', evidence: 'sk-…(51 chars)' });
  return {
    schemaVersion: 1,
    tool: { name: 'aigis', version: '0.1.0' },
    command: 'scan',
    target: { name: 'examples/ai-lab', type: 'directory' },
    createdAt: '2026-01-01T00:00:00.000Z',
    findings: [leaked, hostile, member, endpoint, event],
    suppressed: [
      { finding: inline, by: 'inline', reason: 'inline aigis-ignore on line 4' },
      { finding: ignored, by: 'ignore-file', reason: 'documentation example, revoked', expires: '2030-01-01' },
    ],
    assets: [
      { id: 'pkg:pypi/torch@2.5.1', kind: 'package', name: 'torch', version: '2.5.1', locations: [{ path: 'requirements.txt', startLine: 1 }], properties: { ecosystem: 'pypi' }, relations: [] },
      { id: 'model-file:models/classifier.pt', kind: 'model', name: 'classifier.pt', locations: [{ path: 'models/classifier.pt' }], properties: { format: 'pytorch' }, relations: [{ type: 'depends-on', target: 'pkg:pypi/torch@2.5.1' }], confidence: 0.9 },
    ],
    notes: [
      { level: 'warning', path: 'data/big.bin', message: 'over the read budget; streamed', source: 'target' },
      { level: 'error', path: 'broken.ipynb', message: 'invalid JSON at byte 12', source: 'notebook' },
      { level: 'info', message: '3 files skipped by --skip-files' },
      { level: 'warning', path: '.aigisignore', message: 'ignore entry 2 (secret/* on legacy/**) expired on 2024-01-01 and no longer suppresses findings', source: EXPIRED_IGNORE_SOURCE },
    ],
    stats: { files: 42, bytes: 123456, skipped: 3, durationMs: 87 },
    rules: sampleRules,
  };
}

/** A report with nothing in it (empty directory). */
export function emptyReport(): Report {
  return { ...sampleReport(), findings: [], suppressed: [], assets: [], notes: [], rules: [], stats: { files: 0, bytes: 0, skipped: 0, durationMs: 1 } };
}
