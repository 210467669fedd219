/**
 * Confinement of every path an MCP client names to the roots given at start-up (`--root`). A client
 * is driven by a model that reads attacker-controlled text, so a path is hostile input: `..`
 * segments are refused outright, and the real path (symbolic links resolved) must lie inside the
 * real path of a root. The scan itself never follows links (src/targets/directory.ts).
 */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';

export class ConfinementError extends Error {}

export class Roots {
  readonly dirs: string[];

  constructor(roots: string[], cwd = process.cwd()) {
    if (!roots.length) throw new ConfinementError('give at least one --root directory');
    this.dirs = roots.map((r) => {
      let real: string;
      try {
        real = realpathSync(path.resolve(cwd, r));
      } catch {
        throw new ConfinementError(`--root ${r}: no such directory`);
      }
      if (!statSync(real).isDirectory()) throw new ConfinementError(`--root ${r}: not a directory`);
      return real;
    });
  }

  /**
   * The real path of `p` when it is inside a root. Relative paths are taken from the first root.
   * Refuses `..` segments (even ones that would land inside: a client has no reason to send them),
   * NUL bytes, missing files and anything whose real path leaves every root.
   */
  resolve(p: string): string {
    if (typeof p !== 'string' || !p.length) throw new ConfinementError('empty path');
    if (p.includes('\0')) throw new ConfinementError('path contains a NUL byte');
    if (p.split(/[\\/]+/).includes('..')) throw new ConfinementError(`refused "${p}": ".." segments are not allowed`);
    const abs = path.isAbsolute(p) ? path.resolve(p) : path.resolve(this.dirs[0], p);
    let real: string;
    try {
      real = realpathSync(abs);
    } catch {
      // Say nothing about what exists outside the roots.
      throw new ConfinementError(this.inside(abs) ? `"${p}": no such file or directory` : `refused "${p}": outside the allowed roots`);
    }
    if (!this.inside(real)) throw new ConfinementError(`refused "${p}": outside the allowed roots${this.inside(abs) ? ' (a symbolic link leads out)' : ''}`);
    return real;
  }

  /** The path shown to the client: relative to its root, so host layout does not leak into answers. */
  display(real: string): string {
    for (const root of this.dirs) {
      if (real === root) return '.';
      if (real.startsWith(root + path.sep)) return path.relative(root, real).split(path.sep).join('/');
    }
    return real;
  }

  private inside(p: string): boolean {
    return this.dirs.some((root) => p === root || p.startsWith(root.endsWith(path.sep) ? root : root + path.sep));
  }
}
