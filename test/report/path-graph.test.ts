import { describe, expect, it } from 'vitest';
import { buildPathGraph, layoutPathGraph, MAX_NODES, pickPaths, renderPathGraphSvg } from '../../src/report/path-graph/index.js';
import type { AttackPath } from '../../src/core/model.js';
import { pathReport } from '../support/path-report.js';

const paths = () => pathReport().paths!.items;

describe('path graph', () => {
  it('one node per asset (shared pivots once), a source per kind of entry, an edge per hop', () => {
    const g = buildPathGraph(paths());
    expect(g.nodes.map((n) => `${n.role}:${n.id}`)).toEqual([
      'source:source:internet',
      'entry:k8s:Service/ml/vllm',
      'pivot:k8s:Deployment/ml/vllm',
      'pivot:aws:iam-role/vllm-serving',
      'target:aws:s3-bucket/acme-training-data',
      'source:source:repo-readers',
      'entry:secret:.env/OPENAI_API_KEY',
      'target:llm-provider:openai',
      'source:source:model-supplier',
      'entry:model-file:models/reranker.pt',
      'target:aws:s3-bucket/acme-model-registry',
    ]);
    const role = g.nodes.find((n) => n.id === 'aws:iam-role/vllm-serving')!;
    expect(role.paths).toEqual(['path-3f9a1c2e', 'path-c04e88f1']);
    const assume = g.edges.find((e) => e.from === 'k8s:Deployment/ml/vllm' && e.to === 'aws:iam-role/vllm-serving')!;
    expect(assume.via).toBe('assumes');
    expect(assume.paths).toEqual(['path-3f9a1c2e', 'path-c04e88f1']);
    expect(g.edges).toHaveLength(9); // 4 + 2 + 3: the third path reuses Deployment → role
  });

  it('lays out left to right: the source before the entry before the target', () => {
    const l = layoutPathGraph(buildPathGraph(paths().slice(0, 1)));
    const xs = l.nodes.map((n) => n.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(5);
    for (const n of l.nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(0);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(l.width);
    }
    for (const e of l.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
  });

  it('renders static SVG: every node, no script, deterministic', () => {
    const svg = renderPathGraphSvg(paths());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="node /g)).toHaveLength(11);
    expect(svg).toContain('data-asset-id="aws:s3-bucket/acme-training-data" data-role="target"');
    expect(svg).toContain('>s3://acme-training-data</text>');
    expect(svg).not.toMatch(/<script|href=|on\w+=/i);
    expect(renderPathGraphSvg(paths())).toBe(svg);
    expect(renderPathGraphSvg([])).toBe('');
    expect(renderPathGraphSvg(paths(), { maxPaths: 1 }).match(/<g class="node /g)).toHaveLength(5);
  });

  it('escapes hostile asset names and ids', () => {
    const svg = renderPathGraphSvg(pathReport({ hostile: true }).paths!.items);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Service ml/vllm&lt;script&gt;alert(1)&lt;/…');
    const evil: AttackPath = { ...paths()[0], steps: paths()[0].steps.map((s, i) => (i ? s : { ...s, assetId: '"><script>x</script>', assetName: 'a" onload="x' })) };
    const out = renderPathGraphSvg([evil]);
    expect(out).toContain('data-asset-id="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    expect(out).not.toContain('onload="');
  });

  it('stops adding paths before the node cap', () => {
    const long: AttackPath = { ...paths()[0], steps: Array.from({ length: 30 }, (_, i) => ({ ...paths()[0].steps[1], assetId: `a${i}`, assetName: `a${i}` })) };
    const many = Array.from({ length: 5 }, (_, i) => ({ ...long, id: `p${i}`, steps: long.steps.map((s) => ({ ...s, assetId: `${s.assetId}-${i}` })) }));
    const svg = renderPathGraphSvg(many);
    const drawn = svg.match(/<g class="node /g)!.length;
    expect(drawn).toBeLessThanOrEqual(MAX_NODES);
    expect(drawn).toBe(2 * 31 - 1); // two paths fit (one shared source), the third would pass the cap
  });
});

describe('which paths are drawn', () => {
  const p = (id: string, ruleId: string): AttackPath => ({ ...paths()[1], id, ruleId });
  it('the best of each rule first, then by the given order, drawn in the given order', () => {
    const list = [p('a', 'path/x'), p('b', 'path/x'), p('c', 'path/x'), p('d', 'path/y'), p('e', 'path/z'), p('f', 'path/x')];
    expect(pickPaths(list, 3).map((x) => x.id)).toEqual(['a', 'd', 'e']);
    expect(pickPaths(list, 5).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(pickPaths(list, 10).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('assets that share a name are told apart by their file', () => {
    const base = paths()[1];
    const twin = { ...base, id: 'path-twin', steps: [{ ...base.steps[0], assetId: 'secret:Dockerfile/OPENAI_API_KEY', location: { path: 'deploy/Dockerfile', startLine: 4 } }, base.steps[1]] };
    const g = buildPathGraph([base, { ...twin, steps: [{ ...twin.steps[0], assetName: base.steps[0].assetName }, twin.steps[1]] }]);
    expect(g.nodes.filter((n) => n.role === 'entry').map((n) => n.label)).toEqual(['OPENAI_API_KEY in .env · .env', 'OPENAI_API_KEY in .env · Dockerfile']);
  });
});
