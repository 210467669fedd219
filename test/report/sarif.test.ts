import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sarif, toSarif } from '../../src/report/sarif.js';
import { emptyReport, sampleReport } from '../support/sample-report.js';
import { sarifValidator } from '../support/sarif-validator.js';
import { pathReport } from '../support/path-report.js';

const validate = sarifValidator('oasis');
const validateRtm5 = sarifValidator('rtm5');
const golden = path.resolve(__dirname, 'golden/sample.sarif.json');

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('sarif formatter', () => {
  it('validates against the official SARIF 2.1.0 schema (OASIS errata 01)', () => {
    const doc = JSON.parse(sarif(sampleReport(), { color: false }));
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('validates against the 2.1.0-rtm.5 schema too', () => {
    const doc = JSON.parse(sarif(sampleReport(), { color: false }));
    expect(validateRtm5(doc), JSON.stringify(validateRtm5.errors)).toBe(true);
  });

  it('validates for an empty report too', () => {
    expect(validate(JSON.parse(sarif(emptyReport(), { color: false })))).toBe(true);
  });

  it('the validator rejects a broken log (the check can fail)', () => {
    const doc: Json = toSarif(sampleReport());
    doc.runs[0].results[0].level = 'fatal';
    expect(validate(doc)).toBe(false);
    expect(validate({ version: '2.1.0' })).toBe(false);
    const noKind: Json = toSarif(sampleReport());
    delete noKind.runs[0].results.find((r: Json) => r.suppressions).suppressions[0].kind;
    expect(validate(noKind)).toBe(false);
    const badRegion: Json = toSarif(sampleReport());
    badRegion.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(badRegion)).toBe(false);
  });

  it('matches the golden file', () => {
    const text = sarif(sampleReport(), { color: false });
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, text);
    expect(text).toBe(readFileSync(golden, 'utf8'));
  });

  it('fills tool.driver.rules from rule metadata', () => {
    const run: Json = (toSarif(sampleReport()) as Json).runs[0];
    const rule = run.tool.driver.rules.find((r: Json) => r.id === 'secret/openai-api-key');
    expect(rule.shortDescription.text).toBe('OpenAI API key');
    expect(rule.fullDescription.text).toMatch(/bill model usage/);
    expect(rule.help.markdown).toContain('## Remediation');
    expect(rule.help.markdown).toContain('[CWE-798](https://cwe.mitre.org/data/definitions/798.html)');
    expect(rule.help.text).toContain('Revoke the key');
    expect(rule.helpUri).toMatch(/docs\/rules\/secret\/openai-api-key\.md$/);
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.properties['security-severity']).toBe('9.5');
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['security', 'secret', 'external/cwe/cwe-798', 'owasp-llm-2025/LLM02', 'mitre-atlas/AML.T0055']));
    const low = run.tool.driver.rules.find((r: Json) => r.id === 'runtime/bedrock-model-enumeration');
    expect(low.defaultConfiguration.level).toBe('note');
    expect(low.properties['security-severity']).toBe('3.0');
  });

  it('points advisory-made rules (vuln/GHSA-…) at the advisory, built-in rules at their page', () => {
    const report = sampleReport();
    report.rules = [...report.rules, { id: 'vuln/PYSEC-2024-154', title: 'Malicious release', severity: 'critical', category: 'vulnerability', description: 'd', remediation: 'r', references: { urls: ['https://osv.dev/vulnerability/PYSEC-2024-154'] } }];
    const rules: Json[] = (toSarif(report) as Json).runs[0].tool.driver.rules;
    expect(rules.find((r) => r.id === 'vuln/PYSEC-2024-154').helpUri).toBe('https://osv.dev/vulnerability/PYSEC-2024-154');
    expect(rules.find((r) => r.id === 'secret/openai-api-key').helpUri).toMatch(/docs\/rules\/secret\/openai-api-key\.md$/);
  });

  it('maps findings to results with ruleIndex, level, region and fingerprints', () => {
    const report = sampleReport();
    const run: Json = (toSarif(report) as Json).runs[0];
    const first = run.results[0];
    expect(run.tool.driver.rules[first.ruleIndex].id).toBe(first.ruleId);
    expect(first.level).toBe('error');
    expect(first.properties['security-severity']).toBe('9.5');
    expect(first.partialFingerprints['aigis/v1']).toBe(report.findings[0].fingerprint);
    expect(first.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/ai-lab/app/settings.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, endLine: 12, startColumn: 17, endColumn: 72 },
    });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });

  it('percent-encodes odd file names and puts archive members in message and properties', () => {
    const run: Json = (toSarif(sampleReport()) as Json).runs[0];
    const hostile = run.results[1];
    expect(hostile.locations[0].physicalLocation.artifactLocation.uri).toBe('examples/ai-lab/notes/we%7Cird%20%60name%60%20%3Cb%3Ex%3C/b%3E.md');
    const member = run.results.find((r: Json) => r.ruleId === 'model/pickle-unsafe-global');
    expect(member.locations[0].physicalLocation.artifactLocation.uri).toBe('examples/ai-lab/models/classifier.pt');
    expect(member.locations[0].physicalLocation.region).toBeUndefined();
    expect(member.message.text).toContain('archive/data.pkl');
    expect(member.properties.member).toBe('archive/data.pkl');
  });

  it('keeps URL and event findings addressable', () => {
    const run: Json = (toSarif(sampleReport()) as Json).runs[0];
    const url = run.results.find((r: Json) => r.ruleId === 'probe/ollama-unauthenticated');
    expect(url.locations[0].physicalLocation.artifactLocation.uri).toBe('http://10.0.0.5:11434/api/tags');
    const ev = run.results.find((r: Json) => r.ruleId === 'runtime/bedrock-model-enumeration');
    expect(ev.locations.map((l: Json) => l.logicalLocations[0].name)).toEqual(['ev-1', 'ev-2']);
  });

  it('reports suppressed findings as results with suppressions (inSource / external)', () => {
    const run: Json = (toSarif(sampleReport()) as Json).runs[0];
    const suppressed = run.results.filter((r: Json) => r.suppressions);
    expect(suppressed).toHaveLength(2);
    expect(suppressed.map((r: Json) => r.suppressions[0].kind)).toEqual(['inSource', 'external']);
    expect(suppressed[1].suppressions[0].justification).toBe('documentation example, revoked');
    expect(run.properties.summary.suppressed).toBe(2);
  });

  it('re-bases paths on the target as given, so GitHub finds the file from the repository root', () => {
    const uriOf = (target: { name: string; type: 'directory' | 'file' | 'image' }, p: string) => {
      const report = sampleReport();
      report.target = target;
      report.findings = [{ ...report.findings[0], location: { path: p, startLine: 1 } }];
      const doc: Json = toSarif(report);
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      return doc.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    };
    expect(uriOf({ name: '.', type: 'directory' }, 'app/x.py')).toEqual({ uri: 'app/x.py', uriBaseId: '%SRCROOT%' });
    expect(uriOf({ name: './svc/', type: 'directory' }, 'app/x.py')).toEqual({ uri: 'svc/app/x.py', uriBaseId: '%SRCROOT%' });
    expect(uriOf({ name: 'deploy/.env', type: 'file' }, '.env')).toEqual({ uri: 'deploy/.env', uriBaseId: '%SRCROOT%' });
    expect(uriOf({ name: '/srv/repo', type: 'directory' }, 'a b.py')).toEqual({ uri: 'file:///srv/repo/a%20b.py' });
    expect(uriOf({ name: 'images/app.tar', type: 'image' }, 'etc/app/.env')).toEqual({ uri: 'etc/app/.env', uriBaseId: '%SRCROOT%' });
  });

  it('points notes about files outside the target at a file: URI', () => {
    const report = sampleReport();
    report.notes.push({ level: 'warning', path: '/etc/aigis/ci ignore.yaml', message: 'expired', source: 'suppress/expired' });
    const doc: Json = toSarif(report);
    const last = doc.runs[0].invocations[0].toolExecutionNotifications.at(-1);
    expect(last.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///etc/aigis/ci%20ignore.yaml' });
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
  });

  it('turns notes into toolExecutionNotifications', () => {
    const run: Json = (toSarif(sampleReport()) as Json).runs[0];
    const notes = run.invocations[0].toolExecutionNotifications;
    expect(notes).toHaveLength(4);
    expect(notes.map((n: Json) => n.level)).toEqual(['warning', 'error', 'note', 'warning']);
    expect(notes[1].locations[0].physicalLocation.artifactLocation.uri).toBe('examples/ai-lab/broken.ipynb');
    expect(notes[3].message.text).toContain('expired');
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  describe('attack paths as codeFlows', () => {
    it('validates against both schemas with codeFlows', () => {
      const doc = JSON.parse(sarif(pathReport(), { color: false }));
      expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
      expect(validateRtm5(doc), JSON.stringify(validateRtm5.errors)).toBe(true);
      const hostile = JSON.parse(sarif(pathReport({ hostile: true }), { color: false }));
      expect(validate(hostile), JSON.stringify(validate.errors)).toBe(true);
    });

    it('a path finding carries its steps in order, each with file, line and message', () => {
      const run: Json = (toSarif(pathReport()) as Json).runs[0];
      const res = run.results.find((r: Json) => r.ruleId === 'path/internet-to-training-data');
      expect(res.codeFlows).toHaveLength(1);
      const flow = res.codeFlows[0].threadFlows[0];
      expect(flow.id).toBe('path-3f9a1c2e');
      const steps = flow.locations.map((l: Json) => [
        l.executionOrder,
        l.location.physicalLocation?.artifactLocation.uri,
        l.location.physicalLocation?.region?.startLine,
        l.properties.role,
        l.location.logicalLocations[0].fullyQualifiedName,
      ]);
      expect(steps).toEqual([
        [1, 'examples/ai-lab/k8s/vllm-service.yaml', 7, 'entry', 'k8s:Service/ml/vllm'],
        [2, 'examples/ai-lab/k8s/vllm-deployment.yaml', 24, 'pivot', 'k8s:Deployment/ml/vllm'],
        [3, 'examples/ai-lab/k8s/serviceaccount.yaml', 6, 'pivot', 'aws:iam-role/vllm-serving'],
        [4, 'examples/ai-lab/terraform/iam.tf', 31, 'target', 'aws:s3-bucket/acme-training-data'],
      ]);
      expect(flow.locations[3].location.message.text).toBe('target (via grants): s3://acme-training-data. The role may read and overwrite training data.');
      expect(flow.locations[1].properties.ruleId).toBe('k8s/vllm-no-api-key');
      expect(res.codeFlows[0].properties.score).toBe(92);
    });

    it('only path findings get codeFlows; the validator rejects a broken flow', () => {
      const run: Json = (toSarif(pathReport()) as Json).runs[0];
      const flows = run.results.filter((r: Json) => r.codeFlows).map((r: Json) => r.ruleId);
      expect(flows.sort()).toEqual(['path/internet-to-training-data', 'path/leaked-key-to-ai-account', 'path/model-artifact-to-model-store']);
      const broken: Json = toSarif(pathReport());
      broken.runs[0].results.find((r: Json) => r.codeFlows).codeFlows[0].threadFlows[0].locations = [];
      expect(validate(broken)).toBe(false);
    });
  });
});
