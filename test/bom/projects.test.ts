/**
 * End-to-end precision/recall on assembled AI projects: every asset a reviewer lists in
 * expected.json is found at its file and line, and nothing in the decoy files is labelled AI.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAiAsset } from '../../src/report/inventory-summary.js';
import { inventory } from './inventory.js';

interface Expected {
  expected: { kind: string; id: string; path: string; line: number | null }[];
  decoys: string[];
}

const ROOT = join(import.meta.dirname, 'projects');

for (const project of readdirSync(ROOT)) {
  const spec = JSON.parse(readFileSync(join(ROOT, project, 'expected.json'), 'utf8')) as Expected;
  describe(`bom project ${project}`, async () => {
    const { assets, notes } = await inventory(join(ROOT, project));

    it.each(spec.expected.map((e) => [`${e.id} @ ${e.path}:${e.line ?? '-'}`, e] as const))('finds %s', (_label, e) => {
      const a = assets.find((x) => x.id === e.id);
      expect(a, `asset ${e.id} not found; got ${assets.map((x) => x.id).join(', ')}`).toBeDefined();
      expect(a!.kind).toBe(e.kind);
      const locs = a!.locations.map((l) => `${l.path}:${l.startLine ?? '-'}`);
      expect(locs).toContain(`${e.path}:${e.line ?? '-'}`);
    });

    it('labels nothing in the decoy files as AI', () => {
      const wrong = assets.filter((a) => isAiAsset(a) && a.locations.some((l) => spec.decoys.includes(l.path ?? '')));
      expect(wrong.map((a) => `${a.id} @ ${a.locations.map((l) => l.path).join(',')}`)).toEqual([]);
    });

    it('reports no errors', () => {
      expect(notes.filter((n) => n.level === 'error')).toEqual([]);
    });
  });
}
