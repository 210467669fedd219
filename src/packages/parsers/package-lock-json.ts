/**
 * package-lock.json / npm-shrinkwrap.json, lockfileVersion 1 (nested `dependencies`), 2 (both) and 3
 * (`packages` keyed by install path). Direct dependencies are those the root package declares.
 */
import { escapeRe, LineFinder } from '../lines.js';
import type { PackageEntry, PackageParser, ParseOutput } from '../types.js';
import { ManifestError } from '../types.js';

type Table = Record<string, unknown>;

function rootDeps(root: Table | undefined): Set<string> {
  const out = new Set<string>();
  for (const k of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) for (const n of Object.keys((root?.[k] as Table) ?? {})) out.add(n);
  return out;
}

export const packageLockJson: PackageParser = {
  id: 'package-lock-json',
  match: (info) => info.name === 'package-lock.json' || info.name === 'npm-shrinkwrap.json',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const doc = JSON.parse(text) as Table;
    if (!doc || typeof doc !== 'object') throw new ManifestError('not a JSON object');
    const finder = new LineFinder(text);
    const packages = doc.packages as Table | undefined;
    if (packages && typeof packages === 'object') {
      const direct = rootDeps(packages[''] as Table | undefined);
      for (const [key, value] of Object.entries(packages)) {
        const p = value as Table;
        const i = key.lastIndexOf('node_modules/');
        if (i < 0 || !p || p.link === true || typeof p.version !== 'string') continue;
        const installName = key.slice(i + 'node_modules/'.length);
        const name = typeof p.name === 'string' ? p.name : installName;
        const topLevel = key === `node_modules/${installName}`;
        out.entries.push(entry(name, p.version, topLevel && direct.has(installName), path, finder.find(new RegExp(`"${escapeRe(key)}"\\s*:`)), p));
      }
      return out;
    }
    // lockfileVersion 1: nested trees; each level's keys are names.
    let cursor = 0;
    const walk = (deps: Table | undefined, depth: number) => {
      if (!deps || depth > 64) return;
      for (const [name, value] of Object.entries(deps)) {
        const p = value as Table;
        if (!p || typeof p.version !== 'string') continue;
        const at = finder.offset(new RegExp(`"${escapeRe(name)}"\\s*:\\s*\\{`), cursor);
        if (at >= 0) cursor = at + 1;
        const version = p.version.startsWith('npm:') ? p.version.slice(p.version.lastIndexOf('@') + 1) : p.version;
        // v1 does not record the root's own dependencies: hoisted transitive packages look the same.
        out.entries.push(entry(name, version, false, path, at >= 0 ? finder.lineOfOffset(at) : 1, p));
        walk(p.dependencies as Table | undefined, depth + 1);
      }
    };
    walk(doc.dependencies as Table | undefined, 0);
    return out;
  },
};

function entry(name: string, version: string, direct: boolean, path: string, line: number, p: Table): PackageEntry {
  const scope = p.dev === true ? 'dev' : p.optional === true ? 'optional' : undefined;
  return { ecosystem: 'npm', name, version, specifier: version, pinned: true, direct, path, line, source: 'lockfile', ...(scope ? { scope } : {}) };
}
