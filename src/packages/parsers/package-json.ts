/**
 * npm manifests. A project's `package.json` declares dependencies (ranges, exact versions, tags, URLs);
 * an installed `node_modules/<name>/package.json` records the exact version that is on disk.
 */
import semver from 'semver';
import { escapeRe, LineFinder } from '../lines.js';
import type { FileInfo } from '../../core/analyzer.js';
import type { PackageParser, ParseOutput } from '../types.js';
import { ManifestError } from '../types.js';

type Table = Record<string, unknown>;

const SECTIONS = [
  ['dependencies', undefined],
  ['devDependencies', 'dev'],
  ['optionalDependencies', 'optional'],
  ['peerDependencies', 'peer'],
] as const;

/** `node_modules/<name>/package.json` or `node_modules/@scope/<name>/package.json`, at any depth. */
export function isInstalledPackageJson(info: FileInfo): boolean {
  return info.name === 'package.json' && /(^|\/)node_modules\/(@[^/]+\/)?[^/@][^/]*\/package\.json$/.test(info.path);
}

function object(text: string): Table {
  const doc = JSON.parse(text) as unknown;
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new ManifestError('package.json is not a JSON object');
  return doc as Table;
}

/** The exact version an npm specifier allows, or undefined for ranges, tags, URLs and aliases. */
export function npmPinned(spec: string): string | undefined {
  const s = spec.trim().replace(/^=\s*/, '').replace(/^v/, '');
  return semver.valid(s) ?? undefined;
}

export const packageJson: PackageParser = {
  id: 'package-json',
  match: (info) => info.name === 'package.json' && !isInstalledPackageJson(info),
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const doc = object(text);
    const finder = new LineFinder(text);
    if (typeof doc.name === 'string' && doc.name) {
      out.project = { ecosystem: 'npm', name: doc.name, version: typeof doc.version === 'string' ? doc.version : undefined, line: finder.find(/"name"\s*:/), bin: doc.bin !== undefined };
    }
    for (const [section, scope] of SECTIONS) {
      const deps = doc[section];
      if (!deps || typeof deps !== 'object') continue;
      const from = Math.max(0, finder.offset(new RegExp(`"${section}"\\s*:`)));
      for (const [name, specRaw] of Object.entries(deps as Table)) {
        if (typeof specRaw !== 'string') continue;
        let realName = name;
        let spec = specRaw;
        // `"alias": "npm:real-name@^1.2"` installs real-name.
        const alias = /^npm:((?:@[^/]+\/)?[^@]+)(?:@(.*))?$/.exec(specRaw);
        if (alias) {
          realName = alias[1];
          spec = alias[2] ?? '*';
        }
        const version = npmPinned(spec);
        out.entries.push({
          ecosystem: 'npm', name: realName, specifier: spec, ...(version ? { version } : {}), pinned: version !== undefined, direct: true, path,
          line: finder.find(new RegExp(`"${escapeRe(name)}"\\s*:`), from), source: 'manifest', ...(scope ? { scope } : {}),
        });
      }
    }
    return out;
  },
};

export const installedPackageJson: PackageParser = {
  id: 'node-modules-package-json',
  match: isInstalledPackageJson,
  parse(text, path) {
    const doc = object(text);
    if (typeof doc.name !== 'string' || typeof doc.version !== 'string') return { entries: [], notes: [] };
    const finder = new LineFinder(text);
    return {
      entries: [{
        ecosystem: 'npm', name: doc.name, version: doc.version, specifier: doc.version, pinned: true, direct: false, path,
        line: finder.find(/"version"\s*:/), source: 'installed',
      }],
      notes: [],
    };
  },
};
