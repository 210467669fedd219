/**
 * Issue 13.1/13.2: an asset is "seen only in tests/examples/docs" only when every sighting is; real
 * assets are listed first; the order does not depend on the order files were read in.
 */
import { describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model.js';
import { mergeAssets } from '../../src/pipeline/merge-assets.js';
import { orderAssets, pathContext } from '../../src/report/asset-order.js';

const sighting = (id: string, kind: Asset['kind'], path: string, props: Record<string, unknown> = {}): Asset => ({
  id, kind, name: id.split(':').pop()!, locations: [{ path, startLine: 3 }], properties: props, relations: [],
});

describe('seen only in tests, examples or docs', () => {
  it('one production sighting makes the merged asset real, in either order (FastChat llm_judge)', () => {
    const test = sighting('model:openai/gpt-4', 'model', 'tests/test_judge.py', { inTest: true });
    const prod = sighting('model:openai/gpt-4', 'model', 'fastchat/llm_judge/common.py');
    for (const input of [[test, prod], [prod, test]]) {
      const [a] = orderAssets(mergeAssets(input));
      expect(a.properties.seenOnlyIn).toBeUndefined();
      expect(a.properties.inTest).toBeUndefined();
    }
  });

  it('assets seen only in tests, examples or docs are marked and listed after the real ones', () => {
    const out = orderAssets([
      sighting('agent:code:tests/test_crew.py:4', 'agent', 'tests/test_crew.py'),
      sighting('llm-provider:anthropic', 'llm-provider', 'src/crewai/llm.py'),
      sighting('dataset:squad', 'dataset', 'examples/finetune/train.py'),
      sighting('llm-provider:openai', 'llm-provider', '.env.test'),
      sighting('model:openai/gpt-4o', 'model', 'docs/guide/quickstart.py'),
    ]);
    expect(out.map((a) => [a.id, a.properties.seenOnlyIn])).toEqual([
      ['llm-provider:anthropic', undefined],
      ['llm-provider:openai', 'tests'],
      ['model:openai/gpt-4o', 'docs'],
      ['dataset:squad', 'examples'],
      ['agent:code:tests/test_crew.py:4', 'tests'],
    ]);
  });

  it('mixed non-production places are all named', () => {
    const a = mergeAssets([sighting('dataset:x', 'dataset', 'tests/a.py'), sighting('dataset:x', 'dataset', 'examples/b.py')]);
    expect(orderAssets(a)[0].properties.seenOnlyIn).toBe('tests, examples');
  });

  it('paths: production code, model cards and Helm templates are not tests/examples/docs', () => {
    for (const p of ['src/app.py', 'models/llama/README.md', 'charts/ray/templates/raycluster.yaml', 'contest/main.py', 'latest/x.py']) expect(pathContext(p)).toBeUndefined();
    expect(pathContext('pkg/server/handler_test.go')).toBe('tests');
    expect(pathContext('web/src/app.spec.ts')).toBe('tests');
    expect(pathContext('samples/rag/app.py')).toBe('examples');
  });

  it('the order is the same whatever order the analyzers produced assets in', () => {
    const assets = [
      sighting('pkg:pypi/torch', 'package', 'requirements.txt'),
      sighting('model:openai/gpt-4o', 'model', 'app.py'),
      sighting('pkg:pypi/openai', 'package', 'requirements.txt'),
      sighting('llm-provider:openai', 'llm-provider', 'app.py'),
    ];
    const ids = (list: Asset[]) => orderAssets(mergeAssets(list)).map((a) => a.id);
    expect(ids([...assets].reverse())).toEqual(ids(assets));
    expect(ids(assets)).toEqual(['llm-provider:openai', 'model:openai/gpt-4o', 'pkg:pypi/openai', 'pkg:pypi/torch']);
  });
});
