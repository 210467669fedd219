/** deploy/ (Dockerfile and Kubernetes manifest of aigis serve) passes aigis's own rules. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './cli-process.js';

describe('deploy/', () => {
  it('scans clean with the built CLI', () => {
    const r = spawnSync(process.execPath, [CLI, 'scan', 'deploy', '-f', 'json', '-q'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.stats.files).toBeGreaterThanOrEqual(2); // Dockerfile, its .dockerignore, kubernetes.yaml
    expect(report.findings).toEqual([]);
  });
});
