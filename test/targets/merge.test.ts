import { describe, expect, it } from 'vitest';
import { mergeLayers, climbsAboveRoot, normalizeEntryPath, type LayerEntry } from '../../src/targets/image/merge.js';

const file = (name: string, size = 1): LayerEntry => ({ name, type: 'file', size });
const dir = (name: string): LayerEntry => ({ name, type: 'directory', size: 0 });
const layers = (...ls: LayerEntry[][]) => ls.map((entries, i) => ({ digest: `sha256:${String(i).repeat(64)}`, entries }));
const paths = (r: ReturnType<typeof mergeLayers>) => [...r.files.keys()];

describe('normalizeEntryPath', () => {
  it('strips ./ and / and resolves .. inside the root', () => {
    expect(normalizeEntryPath('./usr/bin/')).toBe('usr/bin');
    expect(normalizeEntryPath('/etc//passwd')).toBe('etc/passwd');
    expect(normalizeEntryPath('a/../b')).toBe('b');
  });
  it('keeps names that climb above the root at the root, as container runtimes extract them', () => {
    expect(normalizeEntryPath('../x')).toBe('x');
    expect(normalizeEntryPath('a/../../x')).toBe('x');
    expect(climbsAboveRoot('a/../../x')).toBe(true);
    expect(climbsAboveRoot('a/../x')).toBe(false);
  });
});

describe('mergeLayers', () => {
  it('lets an upper layer replace a lower file and keeps the provider layer', () => {
    const r = mergeLayers(layers([file('a.txt', 1), file('b.txt')], [file('./a.txt', 5)]));
    expect(paths(r)).toEqual(['a.txt', 'b.txt']);
    expect(r.files.get('a.txt')).toMatchObject({ size: 5, layerIndex: 1, source: { layerIndex: 1, entryIndex: 0 } });
    expect(r.files.get('b.txt')?.layerIndex).toBe(0);
  });

  it('a whiteout deletes a lower file or a whole lower directory', () => {
    const r = mergeLayers(layers([file('etc/secret'), file('var/lib/x/1'), file('var/lib/x/2'), file('keep')], [file('etc/.wh.secret', 0), file('var/lib/.wh.x', 0)]));
    expect(paths(r)).toEqual(['keep']);
  });

  it('a whiteout never hides an entry of its own layer, whatever the tar order', () => {
    const r = mergeLayers(layers([file('d/f')], [file('d/f', 7), file('d/.wh.f', 0)]));
    expect(r.files.get('d/f')?.size).toBe(7);
  });

  it('an opaque directory hides lower children and keeps its own layer and siblings', () => {
    const r = mergeLayers(layers([file('opt/c/old'), file('opt/c/sub/deep'), file('opt/other')], [file('opt/c/new'), file('opt/c/.wh..wh..opq', 0)]));
    expect(paths(r)).toEqual(['opt/c/new', 'opt/other']);
  });

  it('a file replaces a lower directory with its subtree, and a directory replaces a lower file', () => {
    const r = mergeLayers(layers([file('x/a'), file('x/b'), file('y')], [file('x'), dir('y/'), file('y/z')]));
    expect(paths(r)).toEqual(['x', 'y/z']);
  });

  it('the last duplicate of a path in one layer wins', () => {
    const r = mergeLayers(layers([file('a', 1), file('a', 2)]));
    expect(r.files.get('a')).toMatchObject({ size: 2, source: { entryIndex: 1 } });
  });

  it('a hard link takes the bytes of its target, also across layers', () => {
    const r = mergeLayers(layers([file('bin/tool', 9)], [{ name: 'bin/alias', type: 'link', size: 0, linkname: 'bin/tool' }]));
    expect(r.files.get('bin/alias')).toMatchObject({ size: 9, layerIndex: 1, source: { layerIndex: 0, entryIndex: 0 } });
  });

  it('a hard link to nothing is noted and skipped', () => {
    const r = mergeLayers(layers([{ name: 'a', type: 'link', size: 0, linkname: 'missing' }]));
    expect(r.files.size).toBe(0);
    expect(r.notes[0].message).toMatch(/hard link/);
  });

  it('records symlinks, never as files, and flags only those that climb out of the root', () => {
    const r = mergeLayers(
      layers([
        { name: 'app/abs', type: 'symlink', size: 0, linkname: '/etc/passwd' },
        { name: 'app/up', type: 'symlink', size: 0, linkname: '../../outside' },
        { name: 'app/sib', type: 'symlink', size: 0, linkname: '../etc/passwd' },
      ]),
    );
    expect(r.files.size).toBe(0);
    expect(r.symlinks.get('app/abs')?.escapes).toBe(false);
    expect(r.symlinks.get('app/up')?.escapes).toBe(true);
    expect(r.symlinks.get('app/sib')?.escapes).toBe(false);
  });

  it('maps entries whose names climb above the root onto the root (scanned there), with a note', () => {
    const r = mergeLayers(layers([file('../../etc/cron.d/x'), file('ok')]));
    expect(paths(r)).toEqual(['etc/cron.d/x', 'ok']);
    expect(r.notes.map((n) => [n.path, n.message])).toEqual([['../../etc/cron.d/x', expect.stringMatching(/climbs above the image root; scanned at \/etc\/cron.d\/x/)]]);
  });

  it('ignores absurdly long entry names (over PATH_MAX), with a note', () => {
    const deep = `${'a/'.repeat(3000)}f`;
    const r = mergeLayers(layers([file(deep), file('ok')]));
    expect(paths(r)).toEqual(['ok']);
    expect(r.notes[0].message).toMatch(/longer than 4096 characters/);
  });

  it('a whiteout of a directory removes its whole subtree, also deep', () => {
    const r = mergeLayers(layers([file('a/b/c/d/e'), file('a/b/x'), file('a/y')], [file('a/.wh.b', 0)]));
    expect(paths(r)).toEqual(['a/y']);
  });

  it('device and FIFO entries are not files', () => {
    const r = mergeLayers(layers([{ name: 'dev/null', type: 'other', size: 0 }]));
    expect(r.files.size).toBe(0);
  });
});
