/** Pipfile (TOML: `[packages]`, `[dev-packages]`) and Pipfile.lock (JSON: `default`, `develop`). */
import { parse as parseToml } from 'smol-toml';
import { escapeRe, LineFinder } from '../lines.js';
import { pep503 } from '../normalize.js';
import { pinnedVersion } from '../pep508.js';
import { poetryConstraint } from './poetry-constraint.js';
import type { PackageParser, ParseOutput } from '../types.js';

type Table = Record<string, unknown>;

export const pipfile: PackageParser = {
  id: 'pipfile',
  match: (info) => info.name === 'pipfile',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const doc = parseToml(text) as Table;
    const finder = new LineFinder(text);
    for (const [section, scope] of [['packages', undefined], ['dev-packages', 'dev']] as const) {
      const from = Math.max(0, finder.offset(new RegExp(`^\\[${section}\\]`, 'm')));
      for (const [rawName, spec] of Object.entries((doc[section] as Table) ?? {})) {
        // In a Pipfile a bare version is not exact (pipenv reads it as a specifier), "*" is any.
        const c = poetryConstraint(spec, false);
        out.entries.push({
          ecosystem: 'PyPI', name: pep503(rawName), specifier: c.specifier, ...(c.version ? { version: c.version } : {}), pinned: c.version !== undefined,
          direct: true, path, line: finder.find(new RegExp(`^\\s*["']?${escapeRe(rawName)}["']?\\s*=`, 'm'), from), source: 'manifest', ...(scope ? { scope } : {}),
        });
      }
    }
    return out;
  },
};

export const pipfileLock: PackageParser = {
  id: 'pipfile-lock',
  match: (info) => info.name === 'pipfile.lock',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const doc = JSON.parse(text) as Table;
    const finder = new LineFinder(text);
    for (const [section, scope] of [['default', undefined], ['develop', 'dev']] as const) {
      const from = Math.max(0, finder.offset(new RegExp(`"${section}"\\s*:`)));
      for (const [rawName, info] of Object.entries((doc[section] as Table) ?? {})) {
        const spec = typeof (info as Table)?.version === 'string' ? ((info as Table).version as string) : '';
        const version = pinnedVersion(spec.replace(/\s+/g, ''));
        out.entries.push({
          ecosystem: 'PyPI', name: pep503(rawName), specifier: spec, ...(version ? { version } : {}), pinned: version !== undefined,
          direct: false, path, line: finder.find(new RegExp(`"${escapeRe(rawName)}"\\s*:`), from), source: 'lockfile', ...(scope ? { scope } : {}),
        });
      }
    }
    return out;
  },
};
