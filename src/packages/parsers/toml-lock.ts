/**
 * poetry.lock and uv.lock: `[[package]]` tables with `name` and `version`. uv.lock also records the
 * project itself (source `virtual`/`editable`) with its direct `dependencies`, which tells direct from
 * transitive; poetry.lock does not (it would need pyproject.toml), so its entries are marked transitive.
 */
import { parse as parseToml } from 'smol-toml';
import { escapeRe, LineFinder } from '../lines.js';
import { pep503 } from '../normalize.js';
import type { PackageParser, ParseOutput } from '../types.js';

type Table = Record<string, unknown>;

function lockParser(id: string, fileName: string): PackageParser {
  return {
    id,
    match: (info) => info.name === fileName,
    parse(text, path) {
      const out: ParseOutput = { entries: [], notes: [] };
      const doc = parseToml(text) as Table;
      const packages = Array.isArray(doc.package) ? (doc.package as Table[]) : [];
      const finder = new LineFinder(text);
      const direct = new Set<string>();
      const roots = new Set<string>();
      for (const p of packages) {
        const src = p.source as Table | undefined;
        if (src && (src.virtual !== undefined || src.editable !== undefined)) {
          roots.add(pep503(String(p.name)));
          for (const d of [p.dependencies, ...Object.values((p['dev-dependencies'] as Table) ?? {})].flat()) {
            const n = (d as Table | undefined)?.name;
            if (typeof n === 'string') direct.add(pep503(n));
          }
        }
      }
      let cursor = 0;
      for (const p of packages) {
        if (typeof p.name !== 'string' || typeof p.version !== 'string') continue;
        const name = pep503(p.name);
        if (roots.has(name)) continue;
        const re = new RegExp(`^name\\s*=\\s*["']${escapeRe(p.name)}["']`, 'm');
        const at = finder.offset(re, cursor);
        if (at >= 0) cursor = at + 1;
        const line = at >= 0 ? finder.lineOfOffset(at) : finder.find(re);
        const category = typeof p.category === 'string' && p.category !== 'main' ? p.category : undefined;
        out.entries.push({
          ecosystem: 'PyPI', name, version: p.version, specifier: `==${p.version}`, pinned: true, direct: direct.has(name), path, line, source: 'lockfile',
          ...(category ? { scope: category } : {}),
        });
      }
      return out;
    },
  };
}

export const poetryLock = lockParser('poetry-lock', 'poetry.lock');
export const uvLock = lockParser('uv-lock', 'uv.lock');
