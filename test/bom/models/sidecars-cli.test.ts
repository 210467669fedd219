/**
 * Model cards and MLmodel files through the built CLI (dist/, bundled by scripts/bundle.mjs): the
 * sidecar analyzer loads the YAML parser on demand, and a bundled CommonJS package arrives as a
 * default export there, unlike under vitest; this runs the code path that the bundle ships.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
// `npm test` builds dist/ before vitest runs (see package.json).
const cli = path.join(root, 'dist/cli/main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'aigis-sidecars-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Report {
  assets: { id: string; properties: Record<string, unknown> }[];
  notes: { message: string }[];
}

describe('model sidecars in the bundled CLI', () => {
  it('reads a model card front matter and an MLmodel file (YAML loaded on demand)', () => {
    mkdirSync(path.join(dir, 'card'));
    writeFileSync(path.join(dir, 'card', 'README.md'), '---\nlicense: apache-2.0\npipeline_tag: text-generation\nbase_model: mistralai/Mistral-7B-v0.1\n---\n# A card\n');
    mkdirSync(path.join(dir, 'mlflow'));
    writeFileSync(path.join(dir, 'mlflow', 'MLmodel'), 'artifact_path: model\nflavors:\n  python_function:\n    loader_module: mlflow.sklearn\n  sklearn:\n    sklearn_version: 1.3.0\nrun_id: abc123\n');
    const r = spawnSync(process.execPath, [cli, 'scan', dir, '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.notes.filter((n) => n.message.includes('bom-model-sidecars'))).toEqual([]);
    expect(report.assets.find((a) => a.id === 'model-dir:card')?.properties).toMatchObject({ modelCard: true, license: 'apache-2.0', pipelineTag: 'text-generation', baseModel: ['mistralai/Mistral-7B-v0.1'] });
    expect(report.assets.find((a) => a.id === 'model-dir:mlflow')?.properties).toMatchObject({ format: 'mlflow', framework: 'sklearn', runId: 'abc123' });
  }, 60_000);
});
