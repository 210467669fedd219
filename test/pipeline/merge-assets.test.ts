/** Asset merging is linear and bounded (issue 9.6 / 15.3): duplicates cost a hash lookup, not a list scan. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Asset } from '../../src/core/model.js';
import { MAX_LOCATIONS_PER_ASSET, mergeAssets } from '../../src/pipeline/merge-assets.js';
import { entriesToAssets } from '../../src/packages/to-assets.js';
import type { PackageEntry } from '../../src/packages/types.js';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'dist/cli/main.js');
const tmp = mkdtempSync(path.join(tmpdir(), 'aigis-merge-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sighting(line: number, extra: Partial<Asset> = {}): Asset {
  return { id: 'pkg:pypi/torch@2.0.0', kind: 'package', name: 'torch', locations: [{ path: 'requirements.txt', startLine: line }], properties: {}, relations: [], ...extra };
}

describe('mergeAssets', () => {
  it('merges 300,000 sightings of one asset into one, keeping the first locations and counting the rest', () => {
    const many = Array.from({ length: 300_000 }, (_, i) => sighting(i + 1));
    // exact duplicates are not counted twice
    many.push(sighting(1), sighting(2));
    const [a, ...rest] = mergeAssets(many);
    expect(rest).toEqual([]);
    expect(a.locations).toHaveLength(MAX_LOCATIONS_PER_ASSET);
    expect(a.locations[0]).toEqual({ path: 'requirements.txt', startLine: 1 });
    expect(a.properties.locationsOmitted).toBe(300_000 - MAX_LOCATIONS_PER_ASSET);
    // merging a merged list again keeps the count
    expect(mergeAssets([a]).at(0)!.properties.locationsOmitted).toBe(300_000 - MAX_LOCATIONS_PER_ASSET);
  });

  it('unites relations once, fills missing properties without overwriting, and keeps the highest confidence', () => {
    const merged = mergeAssets([
      sighting(1, { properties: { a: 1 }, relations: [{ type: 'depends-on', target: 'x' }], confidence: 0.5 }),
      sighting(2, { properties: { a: 2, b: 3 }, relations: [{ type: 'depends-on', target: 'x' }, { type: 'depends-on', target: 'y' }], confidence: 0.9, version: '2.0.0' }),
      { ...sighting(3), id: 'other' },
    ]);
    expect(merged.map((m) => m.id)).toEqual(['pkg:pypi/torch@2.0.0', 'other']);
    expect(merged[0].properties).toEqual({ a: 1, b: 3 });
    expect(merged[0].relations.map((r) => r.target)).toEqual(['x', 'y']);
    expect(merged[0].confidence).toBe(0.9);
    expect(merged[0].version).toBe('2.0.0');
    expect(merged[0].properties.locationsOmitted).toBeUndefined();
  });

  it('adds up counts of omitted locations from assets that were capped before', () => {
    const capped = sighting(1, { properties: { locationsOmitted: 7 } });
    const again = sighting(2, { properties: { locationsOmitted: 5 } });
    expect(mergeAssets([capped, again])[0].properties.locationsOmitted).toBe(12);
  });
});

describe('mergeAssets does not depend on the order sightings arrive in (issue 13)', () => {
  const pkg = (path: string, line: number, props: Record<string, unknown>): Asset => ({
    id: 'pkg:pypi/transformers', kind: 'package', name: 'transformers', locations: [{ path, startLine: line }], properties: { ecosystem: 'PyPI', pinned: false, ...props }, relations: [],
  });
  // KServe-like tree: the Dockerfile installs `transformers>=4.53.0`, the project asks for `>=5.5.3`.
  const docker = pkg('docker/Dockerfile', 3, { specifier: '>=4.53.0', direct: true, installedBy: 'Dockerfile RUN' });
  const project = pkg('pyproject.toml', 12, { specifier: '>=5.5.3', direct: true, source: 'manifest' });
  const extra = pkg('python/lib/pyproject.toml', 30, { specifier: '>=4.40', direct: false, source: 'manifest', scope: 'extra:hf' });

  it('different ranges: no single specifier stands for the package, each declaration keeps its own', () => {
    for (const order of [[docker, project, extra], [extra, project, docker], [project, extra, docker]]) {
      const [a] = mergeAssets(order);
      expect(a.properties.specifier).toBeUndefined();
      expect(a.properties.requirements).toEqual([
        { path: 'docker/Dockerfile', line: 3, specifier: '>=4.53.0' },
        { path: 'pyproject.toml', line: 12, specifier: '>=5.5.3' },
        { path: 'python/lib/pyproject.toml', line: 30, specifier: '>=4.40', scope: 'extra:hf' },
      ]);
      // Direct when any declaration is; not "an extra" when another file needs it at run time.
      expect(a.properties.direct).toBe(true);
      expect(a.properties.scope).toBeUndefined();
      expect(a.properties.installedBy).toBe('Dockerfile RUN');
    }
  });

  it('conflicting descriptive properties resolve the same way in every order', () => {
    const m1 = { id: 'model:hf/Qwen/Qwen2.5-7B-Instruct', kind: 'model' as const, name: 'Qwen/Qwen2.5-7B-Instruct', locations: [{ path: 'k8s/vllm.yaml', startLine: 20 }], properties: { via: 'args --model' }, relations: [] };
    const m2 = { ...m1, locations: [{ path: 'app/settings.py', startLine: 4 }], properties: { via: 'MODEL_ID' } };
    expect(mergeAssets([m1, m2])[0].properties).toEqual(mergeAssets([m2, m1])[0].properties);
  });

  it('a lockfile entry without a scope leaves a dev dependency a dev dependency', () => {
    const dev = { ...pkg('package.json', 9, { specifier: '3.24.1', scope: 'dev', source: 'manifest' }), id: 'pkg:npm/zod@3.24.1', name: 'zod' };
    const lock = { ...pkg('yarn.lock', 400, { specifier: '3.24.1', source: 'lockfile' }), id: 'pkg:npm/zod@3.24.1', name: 'zod' };
    for (const order of [[dev, lock], [lock, dev]]) {
      const [a] = mergeAssets(order);
      expect(a.properties.scope).toBe('dev');
      expect(a.properties.specifier).toBe('3.24.1');
      expect(a.properties.requirements).toBeUndefined();
    }
  });

  it('one file listing a package twice (platform markers) keeps each line its own range', () => {
    const entries: PackageEntry[] = [
      { ecosystem: 'PyPI', name: 'torch', specifier: '>=2.5', pinned: false, direct: true, source: 'manifest', path: 'requirements.txt', line: 4 },
      { ecosystem: 'PyPI', name: 'torch', specifier: '>=2.2,<2.3', pinned: false, direct: true, source: 'manifest', path: 'requirements.txt', line: 5 },
    ];
    const [a] = mergeAssets(entriesToAssets(entries));
    expect(a.properties.specifier).toBeUndefined();
    expect(a.properties.requirements).toEqual([
      { path: 'requirements.txt', line: 4, specifier: '>=2.5' },
      { path: 'requirements.txt', line: 5, specifier: '>=2.2,<2.3' },
    ]);
  });
});

describe('entriesToAssets', () => {
  it('folds 300,000 duplicate requirement lines into one asset with a count', () => {
    const entries: PackageEntry[] = Array.from({ length: 300_000 }, (_, i) => ({
      ecosystem: 'PyPI', name: 'torch', version: '2.0.0', specifier: '==2.0.0', pinned: true, direct: true, source: 'manifest', path: 'requirements.txt', line: i + 1,
    }) satisfies PackageEntry);
    const [a, ...rest] = entriesToAssets(entries);
    expect(rest).toEqual([]);
    expect(a.locations).toHaveLength(MAX_LOCATIONS_PER_ASSET);
    expect(a.properties.locationsOmitted).toBe(300_000 - MAX_LOCATIONS_PER_ASSET);
  });
});

describe('scan of a requirements file with 300,000 duplicate lines', () => {
  it('finishes with one capped asset (through the built CLI)', () => {
    writeFileSync(path.join(tmp, 'requirements.txt'), 'torch==2.0.0\n'.repeat(300_000));
    const r = spawnSync(process.execPath, [cli, 'scan', tmp, '-f', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20, timeout: 120_000 });
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const report = JSON.parse(r.stdout) as { assets: Asset[] };
    const torch = report.assets.find((a) => a.id === 'pkg:pypi/torch@2.0.0')!;
    expect(torch.locations).toHaveLength(MAX_LOCATIONS_PER_ASSET);
    expect(torch.properties.locationsOmitted).toBe(300_000 - MAX_LOCATIONS_PER_ASSET);
  }, 130_000);
});
