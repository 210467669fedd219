import { describe, expect, it } from 'vitest';
import { markdown } from '../../src/report/markdown.js';
import { table } from '../../src/report/table.js';
import { pathIndex, stepsText, topPaths } from '../../src/report/paths.js';
import { pathReport } from '../support/path-report.js';
import { sampleReport } from '../support/sample-report.js';

describe('attack paths in the human outputs', () => {
  it('table lists the top paths first, each step with its file:line', () => {
    const text = table(pathReport(), { color: false });
    const head = text.indexOf('ATTACK PATHS (3)');
    expect(head).toBeGreaterThan(0);
    expect(head).toBeLessThan(text.indexOf('CRITICAL ('));
    const block = text.slice(head, text.indexOf('CRITICAL ('));
    // Highest score first.
    expect(block.indexOf('[92] critical')).toBeLessThan(block.indexOf('[85] critical'));
    expect(block.indexOf('[85] critical')).toBeLessThan(block.indexOf('[71] high'));
    expect(block).toContain('Service ml/vllm  k8s/vllm-service.yaml:7');
    expect(block).toContain('→ s3://acme-training-data  terraform/iam.tf:31');
  });

  it('markdown lists the top paths before the findings table, escaped', () => {
    const text = markdown(pathReport(), { color: false });
    const head = text.indexOf('#### Top attack paths (3)');
    expect(head).toBeGreaterThan(0);
    expect(head).toBeLessThan(text.indexOf('| Severity | Rule |'));
    expect(text).toMatch(/1\. 🟥 \*\*92\*\* · Internet → vLLM → IAM role|1\. 🟥 \*\*92\*\* · Internet → vLLM → IRSA role → training data/);
    expect(text).toContain('Service ml/vllm `k8s/vllm-service.yaml:7` → Deployment ml/vllm `k8s/vllm-deployment.yaml:24`');
    const hostile = markdown(pathReport({ hostile: true }), { color: false });
    // Raw markup only inside code spans (where markdown shows it as text), entities elsewhere.
    expect(hostile.replace(/`[^`\n]*`/g, '')).not.toContain('<script>');
    expect(hostile).toContain('Service ml/vllm&lt;script&gt;alert(1)&lt;/script&gt; `k8s/</script><script>alert(2)</script>.yaml:7`');
  });

  it('a finding that is a step of a path says so (table and markdown)', () => {
    const t = table(pathReport(), { color: false });
    expect(t).toContain('  k8s/irsa-role-on-serving-workload  k8s/serviceaccount.yaml:6  [on 2 attack paths]');
    expect(t).toContain('  k8s/vllm-no-api-key  k8s/vllm-deployment.yaml:24  [on 1 attack path]');
    expect(t).toMatch(/ {2}k8s\/no-resource-limits {2}k8s\/vllm-deployment\.yaml:18\n/);
    expect(t).toMatch(/ {2}path\/internet-to-training-data {2}k8s\/vllm-service\.yaml:7\n/);
    const md = markdown(pathReport(), { color: false });
    expect(md).toContain('| `k8s/serviceaccount.yaml:6` | **on 2 attack paths** · Service account ml/vllm assumes');
  });

  it('reports without paths are unchanged (no section)', () => {
    expect(table(sampleReport(), { color: false })).not.toContain('ATTACK PATHS');
    expect(markdown(sampleReport(), { color: false })).not.toContain('attack paths');
  });

  it('stepsText and pathIndex', () => {
    const r = pathReport();
    const [top] = topPaths(r, 1);
    expect(stepsText(top)).toBe('Service ml/vllm (k8s/vllm-service.yaml:7) → Deployment ml/vllm (k8s/vllm-deployment.yaml:24) → IAM role vllm-serving (k8s/serviceaccount.yaml:6) → s3://acme-training-data (terraform/iam.tf:31)');
    const of = pathIndex(r);
    expect(of(r.findings[0])?.id).toBe('path-3f9a1c2e');
    // A step finding lies on a path but does not stand for one.
    expect(of(r.findings.find((f) => f.ruleId === 'k8s/irsa-role-on-serving-workload')!)).toBeUndefined();
  });
});
