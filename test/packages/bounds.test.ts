/**
 * Dependency entries longer than any real one (hostile manifests) are dropped with a note, so that no
 * advisory finding copies a megabyte version into its message and evidence; real entries of the same
 * file stay, and entries at the bounds are read.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, MAX_SPECIFIER_LENGTH, MAX_VERSION_LENGTH } from '../../src/packages/bounds.js';
import { scanFiles, summary } from './harness.js';

describe('package entry bounds', () => {
  it('drops a requirement with a huge version, keeps the rest and says so', async () => {
    const huge = `torch==${'1.'.repeat(200_000)}0`;
    const { assets, notes } = await scanFiles({ 'requirements.txt': `${huge}\nrequests==2.31.0\n` });
    expect(summary(assets)).toEqual(['PyPI:requests@2.31.0 requirements.txt:2 pinned direct']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ level: 'warning', path: 'requirements.txt', source: 'packages' });
    expect(notes[0].message).toContain('1 dependency (first at line 1)');
    expect(JSON.stringify(notes).length).toBeLessThan(1000);
  });

  it('drops over-long npm names and ranges from package.json', async () => {
    const pkg = { name: 'app', dependencies: { ['a'.repeat(MAX_NAME_LENGTH + 1)]: '1.0.0', openai: `^1.${'0'.repeat(MAX_SPECIFIER_LENGTH)}`, express: '4.19.2' } };
    const { assets, notes } = await scanFiles({ 'package.json': JSON.stringify(pkg, null, 2) });
    expect(assets.map((a) => a.name)).toEqual(['express']);
    expect(notes.map((n) => n.message).join('\n')).toContain('2 dependencies');
  });

  it('reads entries at the bounds (safe twin)', async () => {
    const name = `a${'b'.repeat(MAX_NAME_LENGTH - 1)}`;
    const version = `1.${'0'.repeat(MAX_VERSION_LENGTH - 2)}`;
    const spec = `>=1.0${',!=1.0'.repeat(Math.floor((MAX_SPECIFIER_LENGTH - 5) / 6))}`;
    expect(spec.length).toBeLessThanOrEqual(MAX_SPECIFIER_LENGTH);
    const { assets, notes } = await scanFiles({ 'requirements.txt': `${name}==${version}\nnumpy${spec}\n` });
    expect(notes).toEqual([]);
    expect(assets.map((a) => a.name).sort()).toEqual([name, 'numpy']);
  });
});
