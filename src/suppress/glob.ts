import picomatch from 'picomatch';

/**
 * Path globs of ignore entries, gitignore-like: matched against the finding's path relative to the
 * target root (`/` separators). A pattern without `/` matches the base name at any depth
 * (`*.ipynb`), a pattern ending in `/` matches everything below that directory (`legacy/`),
 * dot files are matched by `*`.
 */
export function compilePathGlob(pattern: string): (path: string) => boolean {
  let p = pattern.trim().replace(/^\.\//, '');
  if (p.endsWith('/')) p += '**';
  const matchesBase = !p.includes('/');
  const isMatch = picomatch(p, { dot: true, basename: matchesBase });
  return (path: string) => isMatch(path.replace(/\\/g, '/').replace(/^\.\//, ''));
}
