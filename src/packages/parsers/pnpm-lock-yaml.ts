/**
 * pnpm-lock.yaml, lockfile versions 5 (`/name/1.2.3` keys), 6 (`/name@1.2.3(peer@x)`) and 9
 * (`name@1.2.3(peer@x)` under `packages`/`snapshots`). Direct dependencies come from `importers`
 * (or the top-level `dependencies` of v5 single-project lockfiles).
 */
import { isMap, isScalar, parseDocument, type Node } from 'yaml';
import { LineFinder } from '../lines.js';
import type { PackageParser, ParseOutput } from '../types.js';
import { ManifestError } from '../types.js';

/** Name and version of a pnpm package key, or undefined. */
export function pnpmKey(key: string): { name: string; version: string } | undefined {
  let k = key.startsWith('/') ? key.slice(1) : key;
  k = k.replace(/\(.*$/, ''); // peer-dependency suffix of v6/v9
  const at = k.indexOf('@', k.startsWith('@') ? 1 : 0);
  if (at > 0 && /^\d/.test(k.slice(at + 1))) return { name: k.slice(0, at), version: k.slice(at + 1).split('_')[0] };
  // v5: `name/1.2.3` or `@scope/name/1.2.3_peer@x`
  const m = /^((?:@[^/]+\/)?[^/]+)\/(\d[^/_]*)/.exec(k);
  return m ? { name: m[1], version: m[2] } : undefined;
}

export const pnpmLock: PackageParser = {
  id: 'pnpm-lock-yaml',
  match: (info) => info.name === 'pnpm-lock.yaml',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const doc = parseDocument(text, { uniqueKeys: false });
    if (doc.errors.length) throw new ManifestError(doc.errors[0].message.split('\n')[0]);
    const root = doc.contents;
    if (!isMap(root)) throw new ManifestError('not a YAML mapping');
    const finder = new LineFinder(text);
    const js = doc.toJS({ maxAliasCount: 100 }) as Record<string, unknown>;
    const direct = new Set<string>();
    const addDirect = (deps: unknown) => {
      for (const n of Object.keys((deps as Record<string, unknown>) ?? {})) direct.add(n);
    };
    for (const imp of Object.values((js.importers as Record<string, Record<string, unknown>>) ?? {})) {
      addDirect(imp.dependencies);
      addDirect(imp.devDependencies);
      addDirect(imp.optionalDependencies);
    }
    addDirect(js.dependencies);
    addDirect(js.devDependencies);
    addDirect(js.optionalDependencies);
    const packages = root.get('packages', true);
    if (!isMap(packages)) return out;
    const seen = new Set<string>();
    for (const pair of packages.items) {
      const keyNode = pair.key as Node;
      if (!isScalar(keyNode)) continue;
      const parsed = pnpmKey(String(keyNode.value));
      if (!parsed) continue;
      const id = `${parsed.name}@${parsed.version}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const value = isMap(pair.value) ? (pair.value.toJSON() as Record<string, unknown>) : {};
      out.entries.push({
        ecosystem: 'npm', name: parsed.name, version: parsed.version, specifier: parsed.version, pinned: true, direct: direct.has(parsed.name), path,
        line: finder.lineOfOffset(keyNode.range?.[0] ?? 0), source: 'lockfile', ...(value.dev === true ? { scope: 'dev' } : {}),
      });
    }
    return out;
  },
};
