/**
 * Catalogue globs → RegExp: `**` any characters, `*` any characters except `/`, everything else
 * literal; case-insensitive, anchored. The catalogues only need these two wildcards, and a direct
 * translation is much cheaper at start-up than a general glob library for a hundred patterns.
 */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else re += c.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'i');
}
