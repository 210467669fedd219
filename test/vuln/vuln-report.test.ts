/**
 * `--vuln-report`: Trivy and Grype JSON of an image become `vuln/image-os-package` findings on the
 * container-image asset of the scan that runs that image; hostile or malformed reports give notes.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model.js';
import { parseVulnReport } from '../../src/vuln/import/parse.js';
import { IMAGE_OS_PACKAGE, vulnReportEnricher } from '../../src/vuln/import/enricher.js';
import { readVulnReports } from '../../src/vuln/import/read.js';
import { scanCommand } from '../../src/cli/commands/scan.js';
import { CliError } from '../../src/cli/exit.js';
import { discoveryAnalyzers } from '../../src/discovery/index.js';

const FIX = path.resolve(__dirname, '../fixtures/vuln-reports');
const TRIVY = path.join(FIX, 'trivy-vllm-openai-v0.6.3.json');
const GRYPE = path.join(FIX, 'grype-vllm-openai-v0.6.3.json');
const text = (f: string) => readFileSync(f, 'utf8');

const vllmImage: Asset = {
  id: 'pkg:docker/vllm/vllm-openai@v0.6.3',
  kind: 'container-image',
  name: 'vllm/vllm-openai:v0.6.3',
  version: 'v0.6.3',
  locations: [{ path: 'k8s/vllm.yaml', startLine: 16 }],
  properties: { registry: 'docker.io', repository: 'vllm/vllm-openai', tag: 'v0.6.3', aiImage: 'vLLM' },
  relations: [],
};
const other: Asset = { ...vllmImage, id: 'pkg:docker/vllm/vllm-openai@v0.5.0', name: 'vllm/vllm-openai:v0.5.0', properties: { ...vllmImage.properties, tag: 'v0.5.0' } };

describe('reading Trivy and Grype JSON', () => {
  it('Trivy: the image, OS-package vulnerabilities only, language packages counted in a note', () => {
    const { report, notes } = parseVulnReport(text(TRIVY), 'trivy.json');
    expect(report!.scanner).toBe('trivy');
    expect(report!.image.refs).toEqual(['vllm/vllm-openai:v0.6.3', 'vllm/vllm-openai:v0.6.3', 'vllm/vllm-openai@sha256:4f2c1a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a']);
    expect(report!.image.digests).toContain('sha256:7c1f4b25a0e0c1f3d52e3b1e7a4d5f0c9b8a7e6d5c4b3a2918f7e6d5c4b3a291');
    expect(report!.vulns.map((v) => `${v.id} ${v.pkg} ${v.installed} ${v.severity} ${v.fixed ?? '-'}`)).toEqual([
      'CVE-2023-4911 libc6 2.35-0ubuntu3.1 high 2.35-0ubuntu3.4',
      'CVE-2023-4911 libc-bin 2.35-0ubuntu3.1 high 2.35-0ubuntu3.4',
      'CVE-2024-5535 libssl3 3.0.2-0ubuntu1.15 low 3.0.2-0ubuntu1.18',
      'CVE-2024-6387 openssh-client 1:8.9p1-3ubuntu0.6 high 1:8.9p1-3ubuntu0.10',
      'CVE-2022-3715 bash 5.1-6ubuntu1 medium -',
    ]);
    expect(notes.map((n) => n.message)).toEqual([expect.stringMatching(/^1 language-package matches skipped/)]);
  });

  it('Grype: the image, deb matches only, aliases from related vulnerabilities', () => {
    const { report, notes } = parseVulnReport(text(GRYPE), 'grype.json');
    expect(report!.scanner).toBe('grype');
    expect(report!.image.refs[0]).toBe('vllm/vllm-openai:v0.6.3');
    expect(report!.image.digests).toContain('sha256:0d3a1f6c2b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c');
    expect(report!.vulns.map((v) => `${v.id} ${v.pkg} ${v.severity} ${v.fixed}`)).toEqual(['CVE-2024-6387 openssh-client high 1:8.9p1-3ubuntu0.10', 'CVE-2023-4911 libc6 high 2.35-0ubuntu3.4']);
    expect(report!.vulns[0].urls).toEqual(['https://ubuntu.com/security/CVE-2024-6387']);
    expect(notes).toHaveLength(1);
  });

  it('malformed, foreign, nested and hostile input gives notes, never an exception', () => {
    expect(parseVulnReport('{"SchemaVersion": 2, "Results": [', 'a.json').notes[0].message).toMatch(/^not valid JSON/);
    expect(parseVulnReport('[1,2]', 'a.json').notes[0].message).toMatch(/top level is not an object/);
    expect(parseVulnReport('{"bomFormat":"CycloneDX"}', 'a.json').notes[0].message).toMatch(/^not a Trivy .* or Grype/);
    const deep = '{"SchemaVersion":2,"Results":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}';
    const nested = parseVulnReport(deep, 'deep.json');
    expect(nested.report?.vulns ?? []).toEqual([]);
    const hostile = JSON.stringify({
      SchemaVersion: 2,
      ArtifactName: 42,
      Results: [
        { Class: 'os-pkgs', Vulnerabilities: [{ VulnerabilityID: 'CVE-2024-1', PkgName: 'x'.repeat(10_000), InstalledVersion: '1', PrimaryURL: 'javascript:alert(1)', Severity: { a: 1 } }, null, 'str', { VulnerabilityID: ['no'] }] },
        { Class: 'os-pkgs', Vulnerabilities: 'not a list' },
        null,
      ],
    });
    const h = parseVulnReport(hostile, 'h.json');
    expect(h.report!.vulns).toHaveLength(1);
    expect(h.report!.vulns[0].pkg.length).toBeLessThanOrEqual(200);
    expect(h.report!.vulns[0].urls).toEqual([]);
    expect(h.report!.vulns[0].severity).toBe('info');
    expect(h.notes.map((n) => n.message)).toContain('trivy report names no image; its findings are attached to no workload');
  });

  it('a file over the size bound is a note; a missing file is an error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-vr-'));
    const big = path.join(dir, 'big.json');
    writeFileSync(big, ' '.repeat(2048));
    const out = readVulnReports([{ file: big, shown: 'big.json' }], 1024);
    expect(out.reports).toEqual([]);
    expect(out.notes[0]).toMatchObject({ level: 'error', path: 'big.json', message: 'larger than 1024 bytes; ignored' });
    expect(() => readVulnReports([{ file: path.join(dir, 'nope.json'), shown: 'nope.json' }])).toThrow(/cannot read --vuln-report nope.json: ENOENT/);
    expect(() => readVulnReports([{ file: dir, shown: 'dir' }])).toThrow(/not a regular file/);
  });
});

describe('joining imported vulnerabilities to the scan', () => {
  const enrich = (file: string, assets: Asset[]) => {
    const { report } = parseVulnReport(text(file), path.basename(file));
    return vulnReportEnricher([report!]).enrich({ assets, findings: [] }) as { findings: import('../../src/core/model.js').Finding[]; notes: import('../../src/core/model.js').Note[] };
  };

  it('attaches each OS CVE to the container image that runs the scanned image, at its file and line', () => {
    const { findings, notes } = enrich(TRIVY, [other, vllmImage]);
    expect(notes).toEqual([]);
    expect(findings).toHaveLength(5);
    for (const f of findings) {
      expect(f.ruleId).toBe(IMAGE_OS_PACKAGE.id);
      expect(f.category).toBe('vulnerability');
      expect(f.assetId).toBe(vllmImage.id);
      expect(f.location).toEqual({ path: 'k8s/vllm.yaml', startLine: 16 });
    }
    const glibc = findings.find((f) => f.evidence === 'libc6 2.35-0ubuntu3.1')!;
    expect(glibc.severity).toBe('high');
    expect(glibc.references.cve).toEqual(['CVE-2023-4911']);
    expect(glibc.references.cwe).toEqual(['CWE-1395', 'CWE-787', 'CWE-122']);
    expect(glibc.message).toBe('libc6 2.35-0ubuntu3.1 in image vllm/vllm-openai:v0.6.3 is affected by CVE-2023-4911: glibc: buffer overflow in ld.so leading to privilege escalation (fixed in 2.35-0ubuntu3.4; reported by trivy).');
    // Distinct fingerprints: the same package carries several CVEs, the same CVE several packages.
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(5);
    expect(new Set(findings.map((f) => f.stableFingerprint)).size).toBe(5);
  });

  it('matches by digest when the workload pins one', () => {
    const pinned: Asset = { ...vllmImage, id: 'pkg:docker/vllm/vllm-openai@sha256%3A4f2c', name: 'vllm/vllm-openai@sha256:4f2c…', properties: { registry: 'docker.io', repository: 'vllm/vllm-openai', digest: 'sha256:4f2c1a9e8d7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a' } };
    expect(enrich(GRYPE, [pinned]).findings.map((f) => f.assetId)).toEqual([pinned.id, pinned.id]);
  });

  it('another tag of the image is not this image: findings go to the image id, with a note', () => {
    const { findings, notes } = enrich(GRYPE, [other]);
    expect(findings.map((f) => f.assetId)).toEqual(['pkg:docker/vllm/vllm-openai@v0.6.3', 'pkg:docker/vllm/vllm-openai@v0.6.3']);
    expect(findings[0].location).toEqual({ path: 'grype-vllm-openai-v0.6.3.json' });
    expect(notes[0].message).toBe('no container image in the target matches vllm/vllm-openai:v0.6.3; its 2 findings are attached to pkg:docker/vllm/vllm-openai@v0.6.3');
  });
});

describe('aigis scan --vuln-report', () => {
  const target = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aigis-vr-scan-'));
    mkdirSync(path.join(dir, 'k8s'));
    writeFileSync(
      path.join(dir, 'k8s/vllm.yaml'),
      ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: vllm', 'spec:', '  template:', '    spec:', '      containers:', '        - name: vllm', '          image: vllm/vllm-openai:v0.6.3', '          args: ["--model", "meta-llama/Llama-3.1-8B-Instruct"]', ''].join('\n'),
    );
    return dir;
  };

  it('joins Trivy and Grype findings to the image asset the scan discovered (repeatable flag)', async () => {
    const dir = target();
    const out = path.join(dir, 'report.json');
    await scanCommand(dir, { quiet: true, format: 'json', output: out, vulnReport: [TRIVY, GRYPE] }, { analyzers: discoveryAnalyzers, enrichers: [], cwd: dir });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const image = report.assets.find((a: Asset) => a.kind === 'container-image');
    expect(image.id).toBe('pkg:docker/vllm/vllm-openai@v0.6.3');
    const imported = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'vuln/image-os-package');
    // 5 from Trivy + 2 from Grype, which names the same two (CVE, package, version) as Trivy: one finding each.
    expect(imported).toHaveLength(5);
    expect(new Set(imported.map((f: { assetId: string }) => f.assetId))).toEqual(new Set([image.id]));
    expect(imported.every((f: { location: { path: string; startLine: number } }) => f.location.path === 'k8s/vllm.yaml' && f.location.startLine === 10)).toBe(true);
    expect(report.rules.map((r: { id: string }) => r.id)).toContain('vuln/image-os-package');
  });

  it('belongs to the vuln scanner: --scanners without vuln skips the import', async () => {
    const dir = target();
    const out = path.join(dir, 'report.json');
    await scanCommand(dir, { quiet: true, format: 'json', output: out, vulnReport: [TRIVY], scanners: ['misconfig'] }, { analyzers: discoveryAnalyzers, enrichers: [], cwd: dir });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'vuln/image-os-package')).toEqual([]);
    expect(report.assets.some((a: Asset) => a.kind === 'container-image')).toBe(true);
  });

  it('a bad report is a note and the scan goes on; a missing one fails before scanning', async () => {
    const dir = target();
    writeFileSync(path.join(dir, 'bad.json'), '{"matches": [');
    const out = path.join(dir, 'report.json');
    await scanCommand(dir, { quiet: true, format: 'json', output: out, vulnReport: ['bad.json'] }, { analyzers: discoveryAnalyzers, enrichers: [], cwd: dir });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.notes).toContainEqual(expect.objectContaining({ level: 'error', path: 'bad.json', source: 'vuln-report' }));
    expect(report.assets.length).toBeGreaterThan(0);
    await expect(scanCommand(dir, { quiet: true, format: 'json', output: out, vulnReport: ['missing.json'] }, { analyzers: discoveryAnalyzers, enrichers: [], cwd: dir })).rejects.toThrow(CliError);
  });
});
