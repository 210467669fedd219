/**
 * deploy/ (Dockerfile and Kubernetes manifest of aigis serve): it passes aigis's own rules, the
 * hardening that keeps it passing is there, and the scan is not clean by accident: the same manifest
 * made a GPU workload still scans clean, and with its hardening removed it does not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, ROOT } from './cli-process.js';

const MANIFEST = readFileSync(path.join(ROOT, 'deploy/kubernetes.yaml'), 'utf8');
const DOCKERFILE = readFileSync(path.join(ROOT, 'deploy/Dockerfile'), 'utf8');

function scan(dir: string): { ruleIds: string[]; assetKinds: string[] } {
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '-f', 'json', '-q'], { cwd: ROOT, encoding: 'utf8' });
  expect([0, 1], r.stderr).toContain(r.status);
  const report = JSON.parse(r.stdout) as { findings: { ruleId: string }[]; assets: { kind: string }[] };
  return { ruleIds: report.findings.map((f) => f.ruleId).sort(), assetKinds: report.assets.map((a) => a.kind) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the manifest is read as loose YAML
type Y = any;
const docs = parseAllDocuments(MANIFEST).map((d) => d.toJS() as Y);
const byKind = (kind: string) => docs.find((d) => d?.kind === kind);

describe('deploy/', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-deploy-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('scans clean with the built CLI', () => {
    const r = spawnSync(process.execPath, [CLI, 'scan', 'deploy', '-f', 'json', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.stats.files).toBeGreaterThanOrEqual(2); // Dockerfile, its .dockerignore, kubernetes.yaml
    expect(report.findings).toEqual([]);
  });

  it('runs the container non-root, read-only, without capabilities or a service-account token, with probes and a NetworkPolicy', () => {
    const pod = byKind('Deployment').spec.template.spec;
    const [c] = pod.containers;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, privileged: false, capabilities: { drop: ['ALL'] } });
    expect(c.readinessProbe.httpGet.path).toBe('/readyz');
    expect(c.livenessProbe.httpGet.path).toBe('/healthz');
    // Secrets come from a Secret, never as literal values in the manifest.
    for (const e of c.env) if (/DATABASE|TOKEN/.test(e.name)) expect(e.valueFrom?.secretKeyRef, e.name).toBeDefined();
    // The drain window fits inside the pod's grace period.
    const drainMs = Number(c.env.find((e: Y) => e.name === 'AIGIS_SHUTDOWN_TIMEOUT').value);
    expect(drainMs).toBeLessThan(pod.terminationGracePeriodSeconds * 1000);
    expect(byKind('NetworkPolicy').spec.podSelector.matchLabels).toEqual(byKind('Deployment').spec.selector.matchLabels);
    expect(byKind('Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  it('builds an image that runs as a non-root user in exec form, with a health check and the listen address for containers', () => {
    const final = DOCKERFILE.slice(DOCKERFILE.lastIndexOf('\nFROM '));
    expect(final).toMatch(/^USER node$/m);
    expect(final).toMatch(/^ENTRYPOINT \["node", "\/app\/dist\/cli\/main\.js", "serve"\]$/m);
    expect(final).toMatch(/^HEALTHCHECK .*\/healthz/m);
    expect(final).toMatch(/AIGIS_HOST=0\.0\.0\.0/);
    expect(DOCKERFILE).toMatch(/npm install [^\n]*--ignore-scripts/);
  });

  it('keeps the manifest clean as a GPU workload, and fires once its hardening is removed', () => {
    const gpu = MANIFEST.replace('              cpu: "1"\n', '              cpu: "1"\n              nvidia.com/gpu: "1"\n');
    expect(gpu).not.toBe(MANIFEST);
    const weak = gpu.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true').replace('privileged: false', 'privileged: true');
    const dirs = { gpu: mkdtempSync(path.join(tmp, 'gpu-')), weak: mkdtempSync(path.join(tmp, 'weak-')) };
    writeFileSync(path.join(dirs.gpu, 'kubernetes.yaml'), gpu);
    writeFileSync(path.join(dirs.weak, 'kubernetes.yaml'), weak);
    const hardened = scan(dirs.gpu);
    expect(hardened.assetKinds).toContain('gpu-workload');
    expect(hardened.ruleIds).toEqual([]);
    expect(scan(dirs.weak).ruleIds).toEqual(['k8s/gpu-pod-privilege-escalation', 'k8s/gpu-pod-privileged']);
  });
});
