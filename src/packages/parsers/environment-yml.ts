/**
 * conda environment files: `dependencies` are conda packages (`pytorch::pytorch=2.1.0=py3.11_cuda`,
 * `numpy>=1.26`), and a `pip:` sub-list holds PyPI requirements. Conda packages get ecosystem `conda`
 * (their names and versions are conda's, not PyPI's, so they are inventoried but not matched to PyPI
 * advisories); the pip entries are PyPI.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { LineFinder } from '../lines.js';
import { parseRequirement, pinnedVersion } from '../pep508.js';
import type { PackageEntry, PackageParser, ParseOutput } from '../types.js';
import { ManifestError } from '../types.js';

export function isCondaEnvFile(name: string): boolean {
  return /^(environment|env|conda)([-_.][a-z0-9_.-]*)?\.ya?ml$/.test(name);
}

function conda(spec: string, path: string, line: number): PackageEntry | undefined {
  const s = spec.trim().replace(/^[^:]+::/, '');
  const m = /^([A-Za-z0-9_.-]+)\s*(.*)$/.exec(s);
  if (!m) return undefined;
  const rest = m[2].replace(/\s+/g, '');
  // `name=1.2.3` / `name==1.2.3` / `name=1.2.3=build` are exact; `name=1.2` alone is a prefix match (1.2.*).
  const exact = /^==?([0-9][^=,<>|*]*)(?:=.*)?$/.exec(rest);
  const pinned = exact !== null && (rest.startsWith('==') || (exact[1].split('.').length >= 3) || /=.*=/.test(rest));
  return {
    ecosystem: 'conda', name: m[1].toLowerCase(), specifier: rest, ...(pinned ? { version: exact![1] } : {}), pinned, direct: true, path, line, source: 'manifest',
  };
}

export const environmentYml: PackageParser = {
  id: 'conda-environment',
  match: (info) => isCondaEnvFile(info.name),
  parse(text, path) {
    const out: ParseOutput = { entries: [], notes: [] };
    const doc = parseDocument(text);
    if (doc.errors.length) throw new ManifestError(doc.errors[0].message.split('\n')[0]);
    const finder = new LineFinder(text);
    const lineOf = (n: Node) => finder.lineOfOffset(n.range?.[0] ?? 0);
    const deps = isMap(doc.contents) ? doc.contents.get('dependencies', true) : undefined;
    if (!isSeq(deps)) return out;
    for (const item of deps.items) {
      if (isScalar(item) && typeof item.value === 'string') {
        const e = conda(item.value, path, lineOf(item));
        if (e && e.name !== 'python' && e.name !== 'pip') out.entries.push(e);
      } else if (isMap(item)) {
        const pip = item.get('pip', true);
        if (!isSeq(pip)) continue;
        for (const p of pip.items) {
          if (!isScalar(p) || typeof p.value !== 'string') continue;
          const line = lineOf(p);
          if (p.value.trim().startsWith('-')) continue; // pip options such as -r / --index-url
          const req = parseRequirement(p.value);
          if (!req) {
            out.notes.push({ level: 'warning', path, message: `line ${line}: cannot parse pip requirement "${p.value.slice(0, 80)}"`, source: 'packages' });
            continue;
          }
          const version = req.url ? undefined : pinnedVersion(req.specifier);
          out.entries.push({ ecosystem: 'PyPI', name: req.name, specifier: req.url ?? req.specifier, ...(version ? { version } : {}), pinned: version !== undefined, direct: true, path, line, source: 'manifest' });
        }
      }
    }
    return out;
  },
};
