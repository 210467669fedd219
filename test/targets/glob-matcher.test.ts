/**
 * --skip-dirs / --skip-files: plain names are compared as strings (the glob engine is not loaded for
 * them); they must match exactly what picomatch with `dot: true` matches, and globs still go to picomatch.
 */
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../src/targets/directory.js';

const INPUTS = ['.git', 'node_modules', 'Node_modules', 'a.b', 'a..b', 'axb', '-x', '_y', 'x/y', 'x/.y', './x/y', 'x/y/', 'x//y', '/x/y', 'v1.2.3', 'dist', 'dist/', 'foo/.git', '.git/', './.git', 'a', 'A', ''];

describe('globMatcher', () => {
  it('matches plain names and paths exactly as picomatch does', async () => {
    const plain = ['.git', 'node_modules', 'a.b', 'a..b', '-x', '_y', 'x/y', 'x/.y', 'v1.2.3', 'dist', 'A'];
    for (const pattern of plain) {
      const ours = await globMatcher([pattern]);
      const reference = picomatch([pattern], { dot: true });
      for (const input of INPUTS) expect(ours(input), `${pattern} on ${JSON.stringify(input)}`).toBe(reference(input));
    }
    const both = await globMatcher(['.git', 'node_modules']);
    expect(INPUTS.filter(both)).toEqual(['.git', 'node_modules']);
  });

  it('hands globs to picomatch, with dot files matched', async () => {
    const m = await globMatcher(['*.log', 'build/**']);
    expect(['x.log', '.hidden.log', 'build/a/b', 'src/x.ts'].filter(m)).toEqual(['x.log', '.hidden.log', 'build/a/b']);
    const mixed = await globMatcher(['.git', 'tmp-*']);
    expect(['.git', 'tmp-1', 'tmp', 'x/.git'].filter(mixed)).toEqual(['.git', 'tmp-1']);
  });

  it('matches nothing without globs', async () => {
    expect(INPUTS.filter(await globMatcher([]))).toEqual([]);
  });
});
