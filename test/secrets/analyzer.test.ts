/**
 * Structure-aware extraction and the analyzer's file handling: notebooks (cell index + file line),
 * Kubernetes Secret data (base64), image config JSON, file selection, binaries, UTF-16, budgets.
 */
import { describe, expect, it } from 'vitest';
import { bufferFile } from '../../src/core/buffer-file.js';
import { fileInfo } from '../../src/core/file-info.js';
import { secretsAnalyzer } from '../../src/secrets/analyzer.js';
import { SECRET_RULE_METAS } from '../../src/secrets/rules.js';
import { KeyGen } from './fake-keys.js';
import { scan, testContext } from './helpers.js';

const g = new KeyGen(7);

describe('notebooks', () => {
  it('reports the cell index and the line inside the .ipynb file, for sources and outputs', async () => {
    const hf = g.key('hf');
    const proj = g.key('openaiProject');
    const nb = JSON.stringify(
      {
        cells: [
          { cell_type: 'markdown', metadata: {}, source: ['# demo\n'] },
          { cell_type: 'code', metadata: {}, outputs: [], source: ['from huggingface_hub import login\n', `login(token="${hf}")\n`] },
          {
            cell_type: 'code',
            metadata: {},
            source: ['!env | grep KEY\n'],
            outputs: [{ output_type: 'stream', name: 'stdout', text: [`OPENAI_API_KEY=${proj}\n`] }],
          },
        ],
        nbformat: 4,
        nbformat_minor: 5,
      },
      null,
      1,
    );
    const { findings } = await scan('nb/train.ipynb', nb);
    const byRule = Object.fromEntries(findings.map((f) => [f.ruleId, f]));
    const lines = nb.split('\n');
    const hfLine = lines.findIndex((l) => l.includes(hf)) + 1;
    expect(byRule['secret/huggingface-token'].location.startLine).toBe(hfLine);
    expect(byRule['secret/huggingface-token'].properties).toMatchObject({ cell: 1, cellPart: 'source' });
    expect(byRule['secret/openai-api-key'].properties).toMatchObject({ cell: 2, cellPart: 'output' });
    expect(byRule['secret/openai-api-key'].message).toContain('cell 2 (output)');
    expect(byRule['secret/openai-api-key'].remediation).toMatch(/clear-output/);
  });

  it('finds keys in a minified (single-line) notebook and ignores base64 image outputs', async () => {
    const key = g.key('anthropic');
    const png = g.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/', 20000);
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'code', metadata: {}, source: `import anthropic\nc = anthropic.Anthropic(api_key="${key}")`, outputs: [{ output_type: 'display_data', data: { 'image/png': png } }] },
      ],
    });
    const { findings } = await scan('a.ipynb', nb);
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/anthropic-api-key']);
    expect(findings[0].location.startLine).toBe(1);
  });

  it('scans a notebook too large to parse as text, with a note', async () => {
    const key = g.key('hf');
    const nb = JSON.stringify({ cells: [{ cell_type: 'markdown', source: 'x'.repeat(17 * 1024 * 1024) }, { cell_type: 'code', source: `login("${key}")` }] });
    const { findings, notes } = await scan('big.ipynb', nb);
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/huggingface-token']);
    expect(findings[0].properties?.cell).toBeUndefined();
    expect(notes.map((n) => n.message)).toEqual([expect.stringMatching(/too large/)]);
  });

  it('notes a notebook that is not JSON and still scans it as text', async () => {
    const key = g.key('groq');
    const { findings, notes } = await scan('broken.ipynb', `{"cells": [ "GROQ=${key}"\n`);
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/groq-api-key']);
    expect(notes[0].message).toMatch(/not valid JSON/);
  });
});

describe('Kubernetes Secrets', () => {
  it('decodes data values and reports the line of the data key', async () => {
    const key = g.key('openaiProject');
    const manifest = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: x\ndata:\n  DB: cG9zdGdyZXM=\n  OPENAI_API_KEY: ${Buffer.from(key).toString('base64')}\n`;
    const { findings } = await scan('k8s/secret.yaml', manifest);
    expect(findings).toHaveLength(1);
    expect(findings[0].ruleId).toBe('secret/openai-api-key');
    expect(findings[0].location.startLine).toBe(7);
    expect(findings[0].properties).toMatchObject({ encoding: 'base64', dataKey: 'OPENAI_API_KEY' });
    expect(findings[0].message).not.toContain(key);
  });

  it('stays quiet on base64 of placeholders and binary data, and on non-Secret kinds', async () => {
    const manifest = `kind: Secret\ndata:\n  A: ${Buffer.from('sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx').toString('base64')}\n  B: ${Buffer.from([0, 1, 2, 255, 254]).toString('base64')}\n---\nkind: ConfigMap\ndata:\n  C: ${Buffer.from(g.key('hf')).toString('base64')}\n`;
    const { findings } = await scan('k8s/s.yaml', manifest);
    expect(findings).toEqual([]);
  });

  it('survives a malformed manifest', async () => {
    const { findings } = await scan('k8s/bad.yaml', 'kind: Secret\ndata: [unclosed\n  x: {\n');
    expect(findings).toEqual([]);
  });
});

describe('Docker registry logins', () => {
  it('decodes auth in a Docker config.json and in a Kubernetes .dockerconfigjson', async () => {
    const pat = g.key('githubPat');
    const auth = Buffer.from(`mlops-bot:${pat}`).toString('base64');
    const config = `{\n  "auths": {\n    "ghcr.io": { "auth": "${auth}" }\n  }\n}\n`;
    const direct = await scan('home/.docker/config.json', config);
    expect(direct.findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([['secret/github-pat', 3]]);
    expect(direct.findings[0].message).toContain('Docker registry login');
    const manifest = `apiVersion: v1\nkind: Secret\ntype: kubernetes.io/dockerconfigjson\nmetadata:\n  name: regcred\ndata:\n  .dockerconfigjson: ${Buffer.from(config).toString('base64')}\n`;
    const k8s = await scan('k8s/regcred.yaml', manifest);
    expect(k8s.findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([['secret/github-pat', 7]]);
  });

  it('stays quiet on a registry login with an ordinary password', async () => {
    const auth = Buffer.from('user:hunter2-not-a-token').toString('base64');
    expect((await scan('config.json', `{"auths": {"x.io": {"auth": "${auth}"}}}`)).findings).toEqual([]);
  });
});

describe('terminal output', () => {
  it('treats ANSI colour codes before a key as a boundary (notebook and CI logs)', async () => {
    const key = g.key('hf');
    const { findings } = await scan('ci.log', `\x1b[32mHF_TOKEN=\x1b[1m${key}\x1b[0m\n`);
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/huggingface-token']);
    const nb = JSON.stringify({ cells: [{ cell_type: 'code', source: 'x', outputs: [{ output_type: 'stream', text: [`token: \u001b[33m${key}\u001b[0m\n`] }] }] }, null, 1);
    expect((await scan('n.ipynb', nb)).findings.map((f) => f.ruleId)).toEqual(['secret/huggingface-token']);
  });
});

describe('image config JSON (ENV persisted in layers)', () => {
  it('detects keys in Env and history of a Docker image config', async () => {
    const key = g.key('openaiProject');
    const cfg = JSON.stringify({ config: { Env: ['PATH=/usr/bin', `OPENAI_API_KEY=${key}`] }, history: [{ created_by: `/bin/sh -c #(nop)  ENV HF_TOKEN=${g.key('hf')}` }] });
    const file = bufferFile('blobs/sha256/abc.json', cfg, { layer: 'sha256:abc' });
    const r = await secretsAnalyzer.analyze(file, testContext());
    expect(r.findings?.map((f) => f.ruleId).sort()).toEqual(['secret/huggingface-token', 'secret/openai-api-key']);
    expect(r.findings?.[0].location.layer).toBe('sha256:abc');
    expect(r.findings?.[0].remediation).toMatch(/--mount=type=secret/);
  });
});

describe('file selection', () => {
  it('skips lockfiles, binaries by extension, empty and oversized files', () => {
    expect(secretsAnalyzer.match(fileInfo('package-lock.json', 100))).toBe(false);
    expect(secretsAnalyzer.match(fileInfo('sub/poetry.lock', 100))).toBe(false);
    expect(secretsAnalyzer.match(fileInfo('model.safetensors', 100))).toBe(false);
    expect(secretsAnalyzer.match(fileInfo('logo.png', 100))).toBe(false);
    expect(secretsAnalyzer.match(fileInfo('empty.py', 0))).toBe(false);
    expect(secretsAnalyzer.match(fileInfo('big.py', 6 * 1024 * 1024))).toBe(false);
    expect(secretsAnalyzer.match(fileInfo('dump.json', 6 * 1024 * 1024))).toBe(true);
    expect(secretsAnalyzer.match(fileInfo('.env.production', 100))).toBe(true);
    expect(secretsAnalyzer.match(fileInfo('Dockerfile', 100))).toBe(true);
    expect(secretsAnalyzer.match(fileInfo('infra/prod.tfvars', 100))).toBe(true);
  });

  it('ignores binary content with a key-like string inside', async () => {
    const buf = Buffer.concat([Buffer.from([0, 1, 2, 3]), Buffer.from(`x ${g.key('hf')} y`)]);
    const { findings } = await scan('blob.dat', buf);
    expect(findings).toEqual([]);
  });

  it('reads UTF-16 text with a BOM', async () => {
    const text = `GROQ_API_KEY=${g.key('groq')}\n`;
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { findings } = await scan('win.env', buf);
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/groq-api-key']);
  });

  it('turns a read-budget overrun into a note', async () => {
    const file = bufferFile('huge.json', `{"k": "${g.key('hf')}"}`, { readBudget: 4 });
    const r = await secretsAnalyzer.analyze(file, testContext());
    expect(r.findings ?? []).toEqual([]);
    expect(r.notes?.[0].message).toMatch(/read budget/);
  });

  it('still reads invalid UTF-8 around a key', async () => {
    const buf = Buffer.concat([Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from(` token=${g.key('ghp')}\n`)]);
    const { findings } = await scan('weird.txt', buf);
    expect(findings.map((f) => f.ruleId)).toEqual(['secret/github-pat']);
  });
});

describe('findings', () => {
  it('carry column, redacted evidence, remediation and references', async () => {
    const key = g.key('anthropicAdmin');
    const { findings } = await scan('admin.py', `x = 1\nADMIN_KEY = "${key}"\n`);
    const f = findings[0];
    expect(f).toMatchObject({ ruleId: 'secret/anthropic-admin-key', severity: 'critical', category: 'secret' });
    expect(f.location).toMatchObject({ path: 'admin.py', startLine: 2, startColumn: 14, endColumn: 14 + key.length });
    expect(f.evidence).toBe(`${key.slice(0, 8)}…(${key.length} chars)`);
    expect(f.message).not.toContain(key.slice(8, 20));
    expect(f.remediation).toMatch(/console\.anthropic\.com\/settings\/admin-keys/);
    expect(f.remediation).toMatch(/Vault|Secrets Manager/);
    expect(f.remediation).toMatch(/filter-repo/);
    expect(f.references).toMatchObject({ cwe: ['CWE-798'], owaspLlm: ['LLM02', 'LLM10'], atlas: ['AML.T0055'], attack: ['T1552.001'] });
  });

  it('gives one critical pair finding for an AWS key id with its secret, spanning both lines', async () => {
    const id = g.key('awsId');
    const secret = g.key('awsSecret');
    const { findings } = await scan('creds.ini', `[p]\naws_access_key_id=${id}\nregion=us-east-1\naws_secret_access_key=${secret}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'secret/aws-access-key', severity: 'critical' });
    expect(findings[0].location).toMatchObject({ startLine: 2, endLine: 4 });
    expect(findings[0].evidence).not.toContain(secret.slice(10));
  });

  it('reports the same key at each place it occurs, with distinct fingerprints', async () => {
    const key = g.key('hf');
    const { findings } = await scan('a.sh', `A=${key}\nB=${key}\n`);
    expect(findings.map((f) => f.location.startLine)).toEqual([1, 2]);
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('rule metadata: unique ids, high/critical severities, every rule has remediation and references', () => {
    const ids = SECRET_RULE_METAS.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of SECRET_RULE_METAS) {
      expect(m.id).toMatch(/^secret\/[a-z0-9-]+$/);
      expect(['high', 'critical']).toContain(m.severity);
      expect(m.references.cwe).toContain('CWE-798');
      expect(m.remediation.length).toBeGreaterThan(100);
    }
  });
});
