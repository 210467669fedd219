/**
 * yarn.lock, classic (v1: `"name@range", name@range2:` headers and `version "1.2.3"`) and berry
 * (v2+: YAML-compatible, `"name@npm:range":` headers and `version: 1.2.3`). Classic lockfiles are not
 * YAML and no maintained parser for them ships without yarn itself, so both are read line by line:
 * an unindented header line lists descriptors, the indented `version` line gives the resolved version.
 */
import type { PackageParser, ParseOutput } from '../types.js';

/** Package name of a descriptor: `@scope/name@^1`, `name@npm:^1`, `name@patch:name@…` → the name. */
export function descriptorName(d: string): string | undefined {
  let s = d.trim().replace(/^"|"$/g, '');
  // Berry alias `my-langchain@npm:langchain@0.0.1`: the installed package is the resolution's name.
  const alias = /^(?:@[^/@]+\/)?[^@]+@npm:((?:@[^/@]+\/)?[^@]+@.+)$/.exec(s);
  if (alias) s = alias[1];
  const at = s.indexOf('@', s.startsWith('@') ? 1 : 0);
  const name = at < 0 ? s : s.slice(0, at);
  return /^(@[a-z0-9._~-]+\/)?[a-z0-9._~-]+$/i.test(name) ? name : undefined;
}

export const yarnLock: PackageParser = {
  id: 'yarn-lock',
  match: (info) => info.name === 'yarn.lock',
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const lines = text.split(/\r?\n/);
    let header: { names: string[]; line: number; skip: boolean } | undefined;
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i];
      if (l.startsWith('#') || l.trim() === '') continue;
      if (!/^\s/.test(l) && l.trimEnd().endsWith(':')) {
        const descriptors = l.trimEnd().slice(0, -1).split(/,\s*/);
        const names = [...new Set(descriptors.map(descriptorName).filter((n): n is string => n !== undefined))];
        // Workspace and link entries are the project's own code, not installed packages.
        const skip = l.startsWith('__metadata') || /@(workspace|link|portal|file):/.test(l);
        header = { names, line: i + 1, skip };
        if (names.length === 0 && !skip) out.notes.push({ level: 'warning', path, message: `line ${i + 1}: cannot read lockfile entry header`, source: 'packages' });
        continue;
      }
      const v = /^\s+version:?\s+"?([^"\s]+)"?\s*$/.exec(l);
      if (v && header && !header.skip) {
        for (const name of header.names) {
          out.entries.push({ ecosystem: 'npm', name, version: v[1], specifier: v[1], pinned: true, direct: false, path, line: header.line, source: 'lockfile' });
        }
        header = undefined;
      }
    }
    return out;
  },
};
